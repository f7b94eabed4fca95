"""What the machine keeps besides its certificates survives a restart (world schema 3):
key containers a removed certificate left behind, PFX files protected to domain
principals (-ProtectTo), the FriendlyName of a trusted CA; and worlds of schema 2 keep
opening (migrated when writable, read as they are when opened read-only)."""
import sqlite3

from exshell.exchange.worlddb import SCHEMA_VERSION, copy_to_memory, open_store
from exshell.testing import make_shell

FIRST_WITH_KEY = ("Get-ChildItem Cert:\\LocalMachine\\My | Where-Object { $_.HasPrivateKey } | "
                  "Select-Object -First 1")


def _again(state, first):
    """A second shell on the same world file and the same emulated drive (a restart)."""
    shell, host = make_shell("2016", state=state)
    shell.drive_root = first.drive_root
    return shell, host


def test_a_key_left_behind_is_found_after_a_restart(tmp_path):
    state = str(tmp_path / "w.db")
    shell, host = make_shell("2016", state=state)
    shell.run("$c = %s; $t = $c.Thumbprint; Export-Certificate -Cert $c -FilePath C:\\c.cer | Out-Null; "
              "Remove-Item \"Cert:\\LocalMachine\\My\\$t\"; "
              "Import-Certificate -FilePath C:\\c.cer -CertStoreLocation Cert:\\LocalMachine\\My | Out-Null; "
              "$t; (Get-Item \"Cert:\\LocalMachine\\My\\$t\").HasPrivateKey" % FIRST_WITH_KEY)
    thumbprint, has_key = host.text.split()
    assert has_key == "False"
    again, host2 = _again(state, shell)
    again.run("certutil -repairstore my %s; (Get-Item Cert:\\LocalMachine\\My\\%s).HasPrivateKey"
              % (thumbprint, thumbprint))
    assert "CertUtil: -repairstore command completed successfully." in host2.text
    assert host2.text.split()[-1] == "True"
    # Given back to its certificate, the key is no longer left behind (nor stored twice).
    third, host3 = _again(state, shell)
    server = third.organization.local_server
    assert server.orphan_keys == []
    store = third.world.store
    assert store.conn.execute("SELECT count(*) FROM orphan_keys").fetchone()[0] == 0
    used = store.conn.execute("SELECT count(*) FROM keys WHERE id NOT IN (SELECT key_id FROM "
                              "certificates WHERE key_id IS NOT NULL UNION SELECT key_id FROM "
                              "authorities UNION SELECT root_key_id FROM authorities WHERE "
                              "root_key_id IS NOT NULL)").fetchone()[0]
    assert used == 0


def test_a_pfx_protected_to_a_group_opens_after_a_restart(tmp_path):
    state = str(tmp_path / "w.db")
    shell, host = make_shell("2016", state=state)
    shell.run("$c = New-ExchangeCertificate -SubjectName cn=pfx.contoso.com -DomainName pfx.contoso.com "
              "-PrivateKeyExportable $true -Services None; "
              "Get-Item \"Cert:\\LocalMachine\\My\\$($c.Thumbprint)\" | Export-PfxCertificate "
              "-FilePath C:\\p.pfx -ProtectTo 'CONTOSO\\Domain Admins' | Out-Null; "
              "Remove-Item \"Cert:\\LocalMachine\\My\\$($c.Thumbprint)\" -DeleteKey")
    assert host.text == ""
    again, host2 = _again(state, shell)
    again.run("(Import-PfxCertificate -FilePath C:\\p.pfx -CertStoreLocation Cert:\\LocalMachine\\My"
              ").HasPrivateKey")
    assert host2.text.split() == ["True"]


def test_a_trusted_roots_friendly_name_survives_a_restart(tmp_path):
    state = str(tmp_path / "w.db")
    shell, host = make_shell("2016", state=state)
    shell.run("$r = Get-ChildItem Cert:\\LocalMachine\\Root | Select-Object -First 1; "
              "$r.FriendlyName = 'Contoso lab root'; $r.Thumbprint")
    thumbprint = host.text.strip()
    again, host2 = _again(state, shell)
    again.run("(Get-Item Cert:\\LocalMachine\\Root\\%s).FriendlyName; "
              "(Get-Item Cert:\\CurrentUser\\Root\\%s).FriendlyName" % (thumbprint, thumbprint))
    assert host2.text.splitlines() == ["Contoso lab root", "Contoso lab root"]
    # Seen through CurrentUser\Root the machine's root cannot be changed.
    again.run("$u = Get-Item Cert:\\CurrentUser\\Root\\%s; $u.FriendlyName = 'x'" % thumbprint)
    assert "Access is denied" in host2.text


def _as_schema_2(path):
    """Turn a world file into what exshell wrote before schema 3."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE orphan_keys")
    conn.execute("ALTER TABLE trust DROP COLUMN friendly_name")
    conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_a_schema_2_world_opens_read_only_and_migrates_when_written(tmp_path):
    state = str(tmp_path / "w.db")
    shell, host = make_shell("2016", state=state)
    shell.run("$r = Get-ChildItem Cert:\\LocalMachine\\Root | Select-Object -First 1; $r.Thumbprint")
    thumbprint = host.text.strip()
    shell.world.store.close()
    _as_schema_2(state)
    # A grader reads it as it is (read-only, and a private copy in memory).
    readonly = open_store(state, create=False, readonly=True)
    org = readonly.load()
    assert org.local_server.roots[thumbprint].friendly_name == ""
    readonly.conn.close()
    copy = copy_to_memory(state)
    assert copy.load().local_server.orphan_keys == []
    # A shell migrates it and can keep the new details.
    again, host2 = make_shell("2016", state=state)
    again.run("(Get-Item Cert:\\LocalMachine\\Root\\%s).FriendlyName = 'Kept'" % thumbprint)
    assert host2.text == ""
    again.world.store.close()
    conn = sqlite3.connect(state)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert conn.execute("SELECT friendly_name FROM trust WHERE thumbprint = ?",
                        (thumbprint,)).fetchall()[0] == ("Kept",)
    conn.close()


def test_a_snapshot_carries_them(tmp_path):
    from exshell.exchange.worlddb import export_snapshot, import_snapshot, memory_store
    state = str(tmp_path / "w.db")
    shell, host = make_shell("2016", state=state)
    shell.run("$c = %s; Remove-Item \"Cert:\\LocalMachine\\My\\$($c.Thumbprint)\"; "
              "$r = Get-ChildItem Cert:\\LocalMachine\\Root | Select-Object -First 1; "
              "$r.FriendlyName = 'Snap root'; $r.Thumbprint" % FIRST_WITH_KEY)
    thumbprint = host.text.strip()
    data = export_snapshot(shell.world.store)
    copy = memory_store()
    import_snapshot(data, copy)
    org = copy.load()
    server = org.local_server
    assert len(server.orphan_keys) == 1 and server.orphan_keys[0].get().key_size == 2048
    assert server.roots[thumbprint].friendly_name == "Snap root"
