"""Generate exshell/data/lab-keys.pem, the pool of LAB-ONLY RSA keys.

Run once by hand (``python3 scripts/make_lab_keys.py``); the output is committed so
that start-up and tests never generate keys.  These keys are published with the
source code: they protect nothing and must never be used outside the emulator.
"""
from __future__ import annotations

import pathlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SIZES = [2048] * 12 + [4096] * 4 + [1024] * 2

HEADER = """\
# exshell lab keys: LAB-ONLY RSA private keys shipped with the emulator.
# They are public (they are in the source tree) and protect nothing.
# exshell.exchange.keys.PoolKeySource hands them out in order, per key size,
# so that the built-in organisation starts without generating keys and tests
# get stable certificates.  Regenerate with scripts/make_lab_keys.py.
"""


def main() -> None:
    out = pathlib.Path(__file__).resolve().parent.parent / "exshell" / "data" / "lab-keys.pem"
    parts = [HEADER]
    for bits in SIZES:
        key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        parts.append(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.TraditionalOpenSSL,
                                       serialization.NoEncryption()).decode("ascii"))
    out.write_text("".join(parts), encoding="ascii")
    print("wrote", out, len(SIZES), "keys")


if __name__ == "__main__":
    main()
