"""Add-Member: members added to an object (note, script and alias properties, script
methods), as scripts decorate report rows and the objects commands write.

A custom object takes the members itself; an object a command wrote (a domain object)
or a hashtable keeps them beside it (:func:`exshell.engine.properties.instance_members`),
so ``$x.Name``, Format-List, Select-Object and ConvertTo-Json all see them.  A string or
a number cannot hold members: -PassThru writes it back without them (Windows
PowerShell wraps it in a PSObject that carries them).

Imports the engine only.
"""
from __future__ import annotations

from typing import Any, Optional

from ..engine.cmdlet import Cmdlet
from ..engine.conversion import OBJECT, SWITCH, ChoiceType, StringType, to_string
from ..engine.parameters import Parameter
from ..engine.properties import (NOT_FOUND, ComputedProperty, PSHashtable, PSObject,
                                 get_property, instance_members)
from ..profiles import v3_cmdlets
from .common import is_script_block

__all__ = ["AddMember", "MEMBER_TYPES"]

_CMD = "Microsoft.PowerShell.Commands."
_SMA = "System.Management.Automation."

#: PSMemberTypes names Add-Member is given (the ones it can add first).
MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty",
                "Properties", "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods",
                "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "All")
_ADDABLE = ("NoteProperty", "AliasProperty", "ScriptProperty", "ScriptMethod")


class AddMember(Cmdlet):
    """Add a member to an object."""

    name = "Add-Member"
    dotnet_class = _CMD + "AddMemberCommand"
    synopsis = "Adds custom properties and methods to an instance of a Windows PowerShell object."
    default_set = "TypedMemberSet"
    parameters = (
        Parameter("InputObject", OBJECT, mandatory=True, from_pipeline=True),
        Parameter("MemberType", ChoiceType(MEMBER_TYPES, _SMA + "PSMemberTypes"), position=0,
                  mandatory=True, aliases=("Type",), sets=("TypedMemberSet",)),
        Parameter("Name", StringType(), position=1, mandatory=True, sets=("TypedMemberSet",)),
        Parameter("Value", OBJECT, position=2, sets=("TypedMemberSet",)),
        Parameter("SecondValue", OBJECT, position=3, sets=("TypedMemberSet",)),
        Parameter("NotePropertyName", StringType(), position=0, mandatory=True,
                  sets=("NotePropertySingleMemberSet",), available=v3_cmdlets),
        Parameter("NotePropertyValue", OBJECT, position=1, mandatory=True,
                  sets=("NotePropertySingleMemberSet",), available=v3_cmdlets),
        Parameter("NotePropertyMembers", OBJECT, position=0, mandatory=True,
                  sets=("NotePropertyMultiMemberSet",), available=v3_cmdlets),
        Parameter("TypeName", StringType(), available=v3_cmdlets),
        Parameter("Force", SWITCH),
        Parameter("PassThru", SWITCH),
    )

    def process(self, p: Any) -> None:
        target = p.InputObject
        if p.set_name == "NotePropertyMultiMemberSet":
            members = p.NotePropertyMembers
            if not isinstance(members, PSHashtable):
                self.throw_terminating(self.error_record(
                    "Cannot bind parameter 'NotePropertyMembers'. The value must be a hashtable "
                    "or another dictionary.", "CannotConvertArgumentNoMessage", "InvalidArgument",
                    exception_type=_SMA + "ParameterBindingException"))
                return
            for key, value in members.items():
                if not self._add(target, to_string(key), "NoteProperty", value, None, p.Force):
                    return
        elif p.set_name == "NotePropertySingleMemberSet":
            if not self._add(target, p.NotePropertyName, "NoteProperty", p.NotePropertyValue,
                             None, p.Force):
                return
        else:
            if not self._add(target, p.Name, p.MemberType, p.Value, p.SecondValue, p.Force):
                return
        if p.TypeName and isinstance(target, PSObject):
            if p.TypeName not in target.type_names:
                target.type_names.insert(0, p.TypeName)
        if p.PassThru:
            self.write_object(target)

    # ------------------------------------------------------------------ one member
    def _add(self, target: Any, name: str, member_type: str, value: Any, second: Any,
             force: bool) -> bool:
        if member_type not in _ADDABLE:
            self.throw_terminating(self.error_record(
                'Cannot add a member with type "%s". Specify a different type for the MemberTypes '
                'parameter.' % member_type, "CannotAddMemberType", "InvalidOperation",
                exception_type=_SMA + "PSInvalidOperationException"))
            return False
        member = self._member(member_type, name, value, second)
        if member is NOT_FOUND:
            return False
        if self._exists(target, name, member_type) and not force:
            self.throw_terminating(self.error_record(
                self.context.dialect.message("MemberAlreadyExists") % name, "MemberAlreadyExists",
                "InvalidOperation", target=target,
                exception_type=_SMA + "PSInvalidOperationException"))
            return False
        if member_type == "ScriptMethod":
            table = target.methods if isinstance(target, PSObject) else \
                getattr(instance_members(target, create=True), "methods", None)
            if table is not None:
                table[name.casefold()] = (name, member)
            return True
        if isinstance(target, PSObject):
            target.define(name, member)
            return True
        added = instance_members(target, create=True)
        if added is not None:
            added.props[name.casefold()] = (name, member)
        return True

    def _exists(self, target: Any, name: str, member_type: str) -> bool:
        if member_type == "ScriptMethod":
            from ..engine.dotnet import has_method
            return has_method(target, name)
        return get_property(target, name) is not NOT_FOUND or (
            isinstance(target, PSHashtable) and name in target)

    def _member(self, member_type: str, name: str, value: Any, second: Any) -> Any:
        context = self.context
        if member_type == "NoteProperty":
            return value
        if member_type == "AliasProperty":
            if value is None or not to_string(value):
                return self._bad_value(name, "AliasProperty", "the name of the property it "
                                       "stands for")
            target = to_string(value)
            if second is None:
                return ComputedProperty("AliasProperty", target=target)
            conversion = second

            def read_alias(owner: Any) -> Any:
                found = get_property(owner, target)
                return context.convert(None if found is NOT_FOUND else found, conversion)
            return ComputedProperty("AliasProperty", getter=read_alias, target=target)
        if member_type == "ScriptProperty":
            if value is not None and not is_script_block(value):
                return self._bad_value(name, "ScriptProperty", "a script block")
            getter = None if value is None else \
                (lambda owner, block=value: _single(context.invoke(block, this=owner, new_scope=True)))
            setter = None
            if second is not None:
                if not is_script_block(second):
                    return self._bad_value(name, "ScriptProperty", "a script block")
                setter = (lambda owner, new, block=second:
                          context.invoke(block, this=owner, args=[new], bind_arguments=True))
            accessors = "".join("%s=%s;" % (kind, to_string(block))
                                for kind, block in (("get", value), ("set", second)) if block is not None)
            return ComputedProperty("ScriptProperty", getter, setter,
                                    definition="System.Object %s {%s}" % (name, accessors))
        # ScriptMethod
        if not is_script_block(value):
            return self._bad_value(name, "ScriptMethod", "a script block")
        return _ScriptMethod(context, name, value)

    def _bad_value(self, name: str, member_type: str, wanted: str) -> Any:
        self.throw_terminating(self.error_record(
            'The value of the Value parameter of a %s member must be %s ("%s").'
            % (member_type, wanted, name), "ValueNotSpecifiedForMember", "InvalidArgument",
            exception_type=_SMA + "PSArgumentException"))
        return NOT_FOUND


class _ScriptMethod:
    """A ScriptMethod added with Add-Member: called with the object it belongs to."""

    def __init__(self, context: Any, name: str, block: Any):
        self.context = context
        self.block = block
        #: What Get-Member shows.
        self.definition = "System.Object %s();" % name

    def __call__(self, owner: Any, *args: Any) -> Any:
        return _method_result(self.context.invoke(self.block, this=owner, args=list(args),
                                                  bind_arguments=True))


def _single(out: Optional[list]) -> Any:
    if not out:
        return None
    return out[0] if len(out) == 1 else out


def _method_result(out: Optional[list]) -> Any:
    """A script method's output: nothing is a void method (no output at all)."""
    if not out:
        return None
    return out[0] if len(out) == 1 else out
