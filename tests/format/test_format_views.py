"""View registry: lookup by type name, Deserialized names, factories."""
from exshell.engine.properties import PSObject
from exshell.format import render
from exshell.format.views import (
    EXCHANGE_CERTIFICATE_TYPE, ListView, TableColumn, TableView, list_view_for,
    register_list_view, register_table_view, table_view_for, unregister_views,
)

from format_testkit import sample_certs


def test_certificate_views_are_registered():
    cert = sample_certs()[0]
    table = table_view_for(cert)
    assert [(c.label, c.property, c.width) for c in table.columns] == [
        ("Thumbprint", "Thumbprint", 41), ("Services", "ServicesStringForm", 10),
        ("Subject", "Subject", None)]
    assert [label for label, _ in list_view_for(cert).items()] == [
        "AccessRules", "CertificateDomains", "HasPrivateKey", "IsSelfSigned", "Issuer",
        "NotAfter", "NotBefore", "PublicKeySize", "RootCAType", "SerialNumber", "Services",
        "Status", "Subject", "Thumbprint"]


def test_deserialized_objects_use_the_original_view():
    remote = PSObject([("Thumbprint", "AB"), ("ServicesStringForm", "IP.WS."), ("Subject", "CN=x")],
                      type_names=["Deserialized." + EXCHANGE_CERTIFICATE_TYPE, "Deserialized.System.Object"])
    assert table_view_for(remote) is table_view_for(sample_certs()[0])


def test_lookup_walks_base_type_names_and_ignores_case():
    obj = PSObject([("A", 1)], type_names=["Contoso.Derived", "Contoso.Base", "System.Object"])
    view = TableView([TableColumn("Alpha", "A", 8, "right")])
    register_table_view("contoso.base", view)
    try:
        assert table_view_for(obj) is view
        assert render([obj], 40) == ["", "   Alpha", "   -----", "       1", "", ""]
    finally:
        unregister_views("Contoso.Base")
    assert table_view_for(obj) is None


def test_view_factory_receives_the_context():
    seen = []

    def factory(context):
        seen.append(context)
        return ListView(["A", ("Twice", lambda o: o.get("A") * 2)])

    register_list_view("Contoso.Factory", factory)
    try:
        obj = PSObject([("A", 2)], type_names=["Contoso.Factory"])
        assert render([obj], 40, "5.1") == ["", "", "A     : 2", "Twice : 4", "", "", ""]
        assert seen and seen[-1]["ps_version"] == "5.1"
    finally:
        unregister_views("Contoso.Factory")
