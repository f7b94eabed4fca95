"""The binder's stages, table-driven, on declarations made up for the test."""
import pytest

from exshell.engine.binder import ArgElement, Binder, BindingError, NO_VALUE
from exshell.engine.conversion import BOOL, SWITCH, EnumType, IntType, ListOf, StringType
from exshell.engine.parameters import Parameter, common_parameters
from exshell.exchange.services import AllowedServices
from exshell.lang.ast import Span

S = Span(0, 1, 1, 1)
SERVICES = EnumType(AllowedServices, "AllowedServices")

PARAMS = (
    Parameter("Thumbprint", StringType(), position=0, mandatory=True, sets=("Thumbprint",),
              from_pipeline=True, from_pipeline_by_name=True),
    Parameter("Identity", StringType(), position=0, sets=("Identity",)),
    Parameter("Services", SERVICES),
    Parameter("Server", StringType(), sets=("Thumbprint",)),
    Parameter("DomainController", StringType()),
    Parameter("DomainName", ListOf(StringType())),
    Parameter("KeySize", IntType()),
    Parameter("PrivateKeyExportable", BOOL),
    Parameter("Force", SWITCH),
    Parameter("Encoding", StringType()),
) + common_parameters(True, "5.1")


def binder():
    return Binder(PARAMS, "Thumbprint")


def elements(*items):
    out = []
    for item in items:
        if isinstance(item, str) and item.startswith("-"):
            name, colon, value = item[1:].partition(":")
            out.append(ArgElement("param", S, value if colon else NO_VALUE, name, item))
        else:
            out.append(ArgElement("arg", S, item, text=str(item)))
    return out


@pytest.mark.parametrize("args, expected", [
    (("-Thumbprint", "AB"), {"Thumbprint": "AB"}),
    (("-thumb", "AB"), {"Thumbprint": "AB"}),
    (("-THUMBPRINT:AB",), {"Thumbprint": "AB"}),
    (("AB",), {"Thumbprint": "AB"}),
    (("AB", "-Services", "IIS,SMTP"), {"Thumbprint": "AB", "Services": AllowedServices.IIS | AllowedServices.SMTP}),
    (("AB", "-Services", ["iis", "smtp"]), {"Thumbprint": "AB", "Services": AllowedServices.IIS | AllowedServices.SMTP}),
    (("AB", "-Services", "IMAP, POP"), {"Thumbprint": "AB", "Services": AllowedServices.IMAP | AllowedServices.POP}),
    (("AB", "-Services", 24), {"Thumbprint": "AB", "Services": AllowedServices.IIS | AllowedServices.SMTP}),
    (("AB", "-Server", "EX01"), {"Thumbprint": "AB", "Server": "EX01"}),
    (("AB", "-KeySize", "2048"), {"Thumbprint": "AB", "KeySize": 2048}),
    (("AB", "-PrivateKeyExportable", True), {"Thumbprint": "AB", "PrivateKeyExportable": True}),
    (("AB", "-Force"), {"Thumbprint": "AB", "Force": True}),
    (("AB", "-Force:0"), None),  # handled below: a string "0" is not a switch value
    (("AB", "-DomainName", "a.com"), {"Thumbprint": "AB", "DomainName": ["a.com"]}),
    (("AB", "-e", "x"), {"Thumbprint": "AB", "Encoding": "x"}),  # own parameter beats -ErrorAction
    (("AB", "-ea", "Stop"), {"Thumbprint": "AB", "ErrorAction": "Stop"}),
    (("AB", "-wi"), {"Thumbprint": "AB", "WhatIf": True}),
    (("-Identity", "EX01\\AB"), {"Identity": "EX01\\AB"}),
])
def test_binds(args, expected):
    if expected is None:
        with pytest.raises(BindingError):
            binder().bind_command_line(elements(*args), False)
        return
    assert binder().bind_command_line(elements(*args), False).values == expected


@pytest.mark.parametrize("args, error_id, message", [
    (("-Foo", "x"), "NamedParameterNotFound", "A parameter cannot be found that matches parameter name 'Foo'."),
    (("-Serv", "x"), "AmbiguousParameter", "Possible matches include: -Services -Server."),
    (("-Domain", "x"), "AmbiguousParameter", "Possible matches include: -DomainController -DomainName."),
    (("-Thumbprint",), "MissingArgument", "Missing an argument for parameter 'Thumbprint'. Specify a parameter of type 'System.String' and try again."),
    (("-Thumb", "-Force"), "MissingArgument", "Missing an argument for parameter 'Thumbprint'."),
    (("AB", "extra"), "PositionalParameterNotFound", "A positional parameter cannot be found that accepts argument 'extra'."),
    (("AB", "-Services", "Web"), "CannotConvertArgumentNoMessage", "Cannot bind parameter 'Services'. Cannot convert value \"Web\""),
    (("AB", "-KeySize", "big"), "CannotConvertArgumentNoMessage", "Cannot bind parameter 'KeySize'."),
    (("AB", "-PrivateKeyExportable", "yes"), "CannotConvertArgument", "required by parameter 'PrivateKeyExportable'"),
    (("AB", "-Force", "-Force"), "ParameterAlreadyBound", "parameter 'Force' is specified more than once"),
    (("-Identity", "x", "-Server", "EX01"), "AmbiguousParameterSet", "Parameter set cannot be resolved"),
    (("-Thumbprint", ""), "ParameterArgumentValidationErrorEmptyStringNotAllowed", "because it is an empty string."),
    (("-Thumbprint", None), "ParameterArgumentValidationErrorNullNotAllowed", "because it is null."),
    (("-e", "x"), None, None),
])
def test_binding_errors(args, error_id, message):
    if error_id is None:
        return
    with pytest.raises(BindingError) as info:
        binder().bind_command_line(elements(*args), False)
    assert info.value.error_id == error_id
    assert message in info.value.message


def test_unknown_dash_word_as_a_value():
    # A dash word that matches no parameter is taken as the value, dash included.
    b = binder().bind_command_line(elements("-Server", "-nothing"), False)
    assert b.values["Server"] == "-nothing"


def test_common_parameters_tie():
    b = Binder((Parameter("Name", StringType()),) + common_parameters(False, "5.1"))
    with pytest.raises(BindingError) as info:
        b.resolve("e")
    assert info.value.error_id == "AmbiguousParameter"
    assert "-ErrorAction -ErrorVariable" in info.value.message


def test_missing_mandatory_listed():
    b = binder()
    binding = b.bind_command_line(elements("-Force"), False)
    assert [p.name for p in b.missing_mandatory(binding, False)] == ["Thumbprint"]
    assert b.missing_mandatory(binding, True) == []  # the pipeline can still supply it


class Cert:
    PS_TYPE_NAMES = ("Some.Certificate", "System.Object")
    PS_PROPERTIES = ("Thumbprint", "Subject")

    def __init__(self, t):
        self.Thumbprint = t
        self.Subject = "CN=x"


def test_pipeline_by_property_name_and_reset():
    b = binder()
    binding = b.bind_command_line(elements("-Force"), True)
    first = b.bind_pipeline_object(binding, Cert("AA"))
    second = b.bind_pipeline_object(binding, Cert("BB"))
    assert (first.Thumbprint, second.Thumbprint) == ("AA", "BB")
    assert "Thumbprint" not in binding.values


def test_pipeline_by_value_string():
    b = binder()
    binding = b.bind_command_line([], True)
    assert b.bind_pipeline_object(binding, "CC").Thumbprint == "CC"


def test_pipeline_object_not_bound():
    b = binder()
    binding = b.bind_command_line(elements("AB"), True)
    with pytest.raises(BindingError) as info:
        b.bind_pipeline_object(binding, Cert("AA"))
    assert info.value.error_id == "InputObjectNotBound"


def test_version_filtered_parameters():
    """A parameter exists where its predicate on the profile holds (-Identity: 2013+)."""
    from exshell.profiles import PROFILES, has_identity_param, versions_where
    params = (Parameter("Thumbprint", StringType(), position=0),
              Parameter("Identity", StringType(), available=has_identity_param))
    with pytest.raises(BindingError) as info:
        Binder(params, profile=PROFILES["2010"]).resolve("Identity")
    assert info.value.error_id == "NamedParameterNotFound"
    assert Binder(params, profile=PROFILES["2013"]).resolve("Ident").name == "Identity"
    assert versions_where(has_identity_param) == ("2013", "2016", "2019")
