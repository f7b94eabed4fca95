"""The ``SerializationData`` of Exchange 2013+ certificates (a .NET BinaryFormatter stream).

On Exchange 2013 and later, an ``ExchangeCertificate`` that crosses PowerShell
remoting keeps only ``RawData`` as a property; the rest (Services, Status,
PrivateKeyExportable, Identity, IIS services, and the certificate-store element with
the friendly name and the private-key link) travels in a note property
``SerializationData``: the object written by .NET's BinaryFormatter (MS-NRBF).  A
``Get-ExchangeCertificate | Export-Clixml`` dump from such a server has nothing else,
so :func:`certificate_facts` reads what a replica needs from it.

This is a small reader of the MS-NRBF record grammar (headers, libraries, classes
with and without type information, strings, references, nulls, primitive and
object arrays), bounds-checked everywhere: any damage gives an empty answer, never
an exception.  Nothing is instantiated; values are plain Python data.
Standard library only.
"""
from __future__ import annotations

import re
import struct
from typing import Any, Dict, List, Optional, Tuple

__all__ = ["parse_nrbf", "certificate_facts", "store_element"]

_MAX_RECORDS = 100000


class _Damaged(Exception):
    pass


class _Ref:
    __slots__ = ("id",)

    def __init__(self, ident: int):
        self.id = ident


_PRIM_SIZES = {1: "<?", 2: "<B", 6: "<d", 7: "<h", 8: "<i", 9: "<q", 10: "<b", 11: "<f",
               12: "<q", 13: "<Q", 14: "<H", 15: "<I", 16: "<Q"}


class _Stream:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0
        self.objects: Dict[int, Any] = {}
        self.classes: Dict[int, Tuple[str, List[str], List[Tuple[int, Any]]]] = {}
        self.records = 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise _Damaged()
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def i32(self) -> int:
        return struct.unpack("<i", self.take(4))[0]

    def string(self) -> str:
        length, shift = 0, 0
        for _ in range(5):
            b = self.u8()
            length |= (b & 0x7F) << shift
            if not b & 0x80:
                break
            shift += 7
        else:
            raise _Damaged()
        return self.take(length).decode("utf-8", "replace")

    def primitive(self, kind: int) -> Any:
        if kind in (5, 18):      # Decimal and String travel as strings
            return self.string()
        if kind == 3:            # Char: one UTF-8 character
            first = self.u8()
            extra = 0 if first < 0x80 else 1 if first < 0xE0 else 2 if first < 0xF0 else 3
            return (bytes([first]) + self.take(extra)).decode("utf-8", "replace")
        if kind == 17:
            return None
        fmt = _PRIM_SIZES.get(kind)
        if fmt is None:
            raise _Damaged()
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    # -- records
    def record(self) -> Any:
        self.records += 1
        if self.records > _MAX_RECORDS:
            raise _Damaged()
        kind = self.u8()
        if kind == 0:            # SerializedStreamHeader
            self.take(16)
            return self.record()
        if kind == 12:           # BinaryLibrary
            self.i32()
            self.string()
            return self.record()
        if kind in (5, 4, 3, 2):
            return self.class_record(kind)
        if kind == 1:            # ClassWithId: the layout of an earlier class
            ident, meta = self.i32(), self.i32()
            if meta not in self.classes:
                raise _Damaged()
            name, members, types = self.classes[meta]
            return self.values(ident, name, members, types)
        if kind == 6:            # BinaryObjectString
            ident = self.i32()
            value = self.string()
            self.objects[ident] = value
            return value
        if kind == 9:            # MemberReference
            return _Ref(self.i32())
        if kind == 10:
            return None
        if kind == 13:
            return _Nulls(self.u8())
        if kind == 14:
            return _Nulls(self.i32())
        if kind == 15:           # ArraySinglePrimitive
            ident, length, prim = self.i32(), self.i32(), self.u8()
            if length < 0 or length > len(self.data):
                raise _Damaged()
            if prim == 2:
                value: Any = self.take(length)
            else:
                value = [self.primitive(prim) for _ in range(length)]
            self.objects[ident] = value
            return value
        if kind in (16, 17):     # ArraySingleObject / ArraySingleString
            ident, length = self.i32(), self.i32()
            return self.items(ident, length)
        if kind == 7:            # BinaryArray
            ident, array_kind, rank = self.i32(), self.u8(), self.i32()
            if not 0 < rank <= 8:
                raise _Damaged()
            lengths = [self.i32() for _ in range(rank)]
            if array_kind in (3, 4, 5):
                for _ in range(rank):
                    self.i32()
            btype = self.u8()
            extra = self.additional(btype)
            total = 1
            for n in lengths:
                if n < 0:
                    raise _Damaged()
                total *= n
            if total > len(self.data) + 16:
                raise _Damaged()
            if btype == 0:
                value = [self.primitive(extra) for _ in range(total)]
                self.objects[ident] = value
                return value
            return self.items(ident, total)
        if kind == 8:            # MemberPrimitiveTyped
            return self.primitive(self.u8())
        if kind == 11:
            raise _Damaged()     # MessageEnd where a value was expected
        raise _Damaged()

    def items(self, ident: int, length: int) -> List[Any]:
        if length < 0 or length > len(self.data):
            raise _Damaged()
        out: List[Any] = []
        self.objects[ident] = out
        while len(out) < length:
            value = self.record()
            if isinstance(value, _Nulls):
                out.extend([None] * value.count)
            else:
                out.append(value)
        return out

    def additional(self, btype: int) -> Any:
        if btype in (0, 7):
            return self.u8()
        if btype == 3:
            return self.string()
        if btype == 4:
            name = self.string()
            self.i32()
            return name
        if btype in (1, 2, 5, 6):
            return None
        raise _Damaged()

    def class_record(self, kind: int) -> Any:
        ident, name, count = self.i32(), self.string(), self.i32()
        if not 0 <= count <= 4096:
            raise _Damaged()
        members = [self.string() for _ in range(count)]
        if kind in (5, 4):
            btypes = [self.u8() for _ in range(count)]
            types = [(b, self.additional(b)) for b in btypes]
        else:
            types = [(2, None)] * count
        if kind in (5, 3):
            self.i32()           # library id
        self.classes[ident] = (name, members, types)
        return self.values(ident, name, members, types)

    def values(self, ident: int, name: str, members: List[str], types) -> Dict[str, Any]:
        obj: Dict[str, Any] = {"__class__": name}
        self.objects[ident] = obj
        pending = 0
        for member, (btype, extra) in zip(members, types):
            if pending:
                pending -= 1
                obj[member] = None
                continue
            if btype == 0:
                obj[member] = self.primitive(extra)
            else:
                value = self.record()
                if isinstance(value, _Nulls):
                    pending = value.count - 1
                    value = None
                obj[member] = value
        return obj


class _Nulls:
    __slots__ = ("count",)

    def __init__(self, count: int):
        self.count = max(count, 1)


def _resolve(value: Any, objects: Dict[int, Any], depth: int = 0) -> Any:
    if depth > 40:
        return None
    if isinstance(value, _Ref):
        return _resolve(objects.get(value.id), objects, depth + 1)
    if isinstance(value, dict):
        return {k: _resolve(v, objects, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, objects, depth + 1) for v in value]
    return value


def parse_nrbf(data: bytes) -> Optional[Dict[str, Any]]:
    """The root object of a BinaryFormatter stream as nested dicts, or None."""
    try:
        stream = _Stream(bytes(data))
        root = stream.record()
        # Objects referenced before they appear follow the root: read them all.
        while stream.pos < len(stream.data):
            if stream.data[stream.pos] == 11:
                break
            stream.record()
        return _resolve(root, stream.objects) if isinstance(root, dict) else None
    except (_Damaged, struct.error, RecursionError, ValueError, TypeError):
        return None


def store_element(data: bytes) -> Dict[int, bytes]:
    """A serialized certificate-store element: property id -> value (empty if damaged).
    Id 2 is the private key's provider information, 11 the friendly name, 32 the
    certificate."""
    out: Dict[int, bytes] = {}
    pos = 0
    while pos + 12 <= len(data):
        prop_id, _flags, length = struct.unpack_from("<III", data, pos)
        pos += 12
        if pos + length > len(data):
            return {}
        out[prop_id] = data[pos:pos + length]
        pos += length
    return out if pos == len(data) else {}


def _value_of(obj: Any) -> Optional[int]:
    if isinstance(obj, dict) and isinstance(obj.get("value__"), int):
        return obj["value__"]
    return None


def _strings_in(value: Any, out: List[str], depth: int = 0) -> None:
    if depth > 12:
        return
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings_in(v, out, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _strings_in(v, out, depth + 1)


_STATUS = {0: "Unknown", 1: "Valid", 2: "Revoked", 3: "DateInvalid", 4: "Untrusted",
           5: "Invalid", 6: "RevocationCheckFailure", 7: "PendingRequest"}


def certificate_facts(serialization_data: Any, raw: bytes) -> Dict[str, Any]:
    """What a certificate's SerializationData says (keys only when it says them):
    ``services`` (int), ``exportable``, ``identity``, ``has_key``, ``friendly_name``,
    ``iis`` (IIS service names), ``status``."""
    if not isinstance(serialization_data, (bytes, bytearray)) or not serialization_data:
        return {}
    root = parse_nrbf(bytes(serialization_data))
    if not root:
        return {}
    facts: Dict[str, Any] = {}
    services = _value_of(root.get("Services"))
    if services is not None:
        facts["services"] = services & 127
    status = _value_of(root.get("Status"))
    if status is not None:
        facts["status"] = _STATUS.get(status)
    if isinstance(root.get("PrivateKeyExportable"), bool):
        facts["exportable"] = root["PrivateKeyExportable"]
    if isinstance(root.get("Identity"), str):
        facts["identity"] = root["Identity"]
    names: List[str] = []
    _strings_in(root.get("IISServices"), names)
    facts["iis"] = [n for n in names if re.match(r"^IIS://", n, re.I)]
    data = root.get("CertData")
    if isinstance(data, (bytes, bytearray)):
        element = store_element(bytes(data))
        if element.get(32) == raw:
            facts["has_key"] = 2 in element
            if 11 in element:
                facts["friendly_name"] = element[11].decode("utf-16-le", "replace").rstrip("\x00")
    return facts
