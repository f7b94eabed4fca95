"""The compiled grammar's functions, written by
``python -m exshell.lang.grammar --write-compiled`` from the grammar's shape
(see :mod:`exshell.lang.compiled`).  Do not edit: change the grammar and write
it again (tests/lang/test_compiled.py fails while this is out of date)."""
# flake8: noqa
# fmt: off
FINGERPRINT = '3bd92a0a0f70962b74cca0ca624300e6'
# Per regex element: which characters it may start at (firstchars.regex_masks).
FIRST = {
    2: (0x10000000018000009f0003e00, 0x1ffffffffffffffffffffffffffffffff),
    5: (0x1000100010801000010000009f0001a00, 0x1000100010801000010000009f0001a00),
    11: (0x1000000010800000010000009f0001a00, 0x1000000010800000010000009f0001a00),
    12: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    17: (0x107ffffff87fffffe10000009f0001a00, 0x107ffffff87fffffe10000009f0001a00),
    18: (0x1000000010000000030000009f0001a00, 0x1000000010000000030000009f0001a00),
    21: (0x1000000010000000013ff409df0001a00, 0x1000000010000000013ff409df0001a00),
    26: (0x1000000010000000010000019f0001a00, 0x1000000010000000010000019f0001a00),
    28: (0x1000000010000000010000109f0001a00, 0x1000000010000000010000109f0001a00),
    30: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    34: (0x1080000010800000113ff799ff0001a00, 0x1080000010800000113ff799ff0001a00),
    38: (0x100000001000000001000fc29f0001a00, 0x100000001000000001000fc29f0001a00),
    42: (0x1200000010000000018000209f0003e00, 0x1200000010000000018000209f0003e00),
    44: (0x100000001000000003000ac29f0001a00, 0x100000001000000003000ac29f0001a00),
    47: (0x100bd027d08bd027c14000009f0001a00, 0x100bd027d08bd027c14000009f0001a00),
    50: (0x100bc027d00bc027c14000009f0001a00, 0x100bc027d00bc027c14000009f0001a00),
    53: (0x1000002010000020010000009f0001a00, 0x1000002010000020010000009f0001a00),
    62: (0x1080000010000000010000009f0001a00, 0x1080000010000000010000009f0001a00),
    68: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    70: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    77: (0x1200000010000000010000009f0003e00, 0x1200000010000000010000009f0003e00),
    81: (0x1000000210000002010000009f0001a00, 0x1000000210000002010000009f0001a00),
    91: (0x1000000210000002010000009f0001a00, 0x1000000210000002010000009f0001a00),
    95: (0x1000000410000004010000009f0001a00, 0x1000000410000004010000009f0001a00),
    101: (0x1000002010000020010000009f0001a00, 0x1000002010000020010000009f0001a00),
    109: (0x1000000410000004010000009f0001a00, 0x1000000410000004010000009f0001a00),
    111: (0x1c7fffffffffffffff7ffecbfffffdbff, 0x1c7fffffffffffffff7ffecbfffffdbff),
    121: (0x1000000010800000010000009f0001a00, 0x1000000010800000010000009f0001a00),
    124: (0x1000000010000000030000009f0001a00, 0x1000000010000000030000009f0001a00),
    129: (0x1000000010000000010001009f0003e00, 0x1000000010000000010001009f0003e00),
    142: (0x1000100350001003410000009f0003e00, 0x1000100350001003410000009f0003e00),
    149: (0x10000000d0000000c10000009f0001a00, 0x10000000d0000000c10000009f0001a00),
    151: (0x107ffffff87fffffe17ff0009f0001a00, 0x107ffffff87fffffe17ff0009f0001a00),
    153: (0x1001400210014002010000009f0001a00, 0x1001400210014002010000009f0001a00),
    156: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    158: (0x1001000010010000010000009f0001a00, 0x1001000010010000010000009f0001a00),
    163: (0x1000000090000000810000009f0001a00, 0x1000000090000000810000009f0001a00),
    168: (0x1000000010000000010001009f0001a00, 0x1000000010000000010001009f0001a00),
    173: (0x1000000410000004010000009f0001a00, 0x1000000410000004010000009f0001a00),
    177: (0x1008000010080000010000009f0001a00, 0x1008000010080000010000009f0001a00),
    186: (0x1000000410000004010000009f0001a00, 0x1000000410000004010000009f0001a00),
    192: (0x1000000010000000018000009f0003e00, 0x1000000010000000018000009f0003e00),
    198: (0x1000000110000001010000009f0001a00, 0x1000000110000001010000009f0001a00),
    202: (0x100a0000100a0000010000009f0001a00, 0x100a0000100a0000010000009f0001a00),
    210: (0x1000800010008000010000009f0001a00, 0x1000800010008000010000009f0001a00),
    212: (0x1000000010000000010002009f0001a00, 0x1000000010000000010002009f0001a00),
    219: (0x1c7fffffffffffffff7ffec3bffffdbff, 0x1c7fffffffffffffff7ffec3bffffdbff),
    222: (0xc7fffffffffffffff7ffec3a0fffc1ff, 0x0),
    223: (0x1000000000, 0x0),
    225: (0x1000000000, 0x0),
    227: (0x8000000000, 0x0),
    229: (0x400000000, 0x0),
    232: (0xffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    236: (0x400000000, 0x0),
    245: (0x400400000000000, 0x0),
    247: (0x400400000000000, 0x0),
    252: (0x10000000000, 0x0),
    257: (0x1000000010000000010001009f0003e00, 0x1000000010000000010001009f0003e00),
    262: (0x8000000000000000000000000000000, 0x0),
    264: (0x80000000000000000000000, 0x0),
    268: (0x400400000000000, 0x0),
    272: (0x1000000010000000010000089f0001a00, 0x1000000010000000010000089f0001a00),
    274: (0x100000001000000001000000df0001a00, 0x100000001000000001000000df0001a00),
    278: (0x400000000, 0x0),
    281: (0x1000000010000000110000009f0001a00, 0x1000000010000000110000009f0001a00),
    284: (0xffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    286: (0x400002400, 0x0),
    288: (0x1000000010000000110000009f0001a00, 0x1000000010000000110000009f0001a00),
    290: (0x1000000010000000013ff6009f0001a00, 0x1000000010000000013ff6009f0001a00),
    294: (0x1000000010000000010000019f0001a00, 0x1000000010000000010000019f0001a00),
    296: (0x1000000010000000110000009f0001a00, 0x1000000010000000110000009f0001a00),
    298: (0x1000000010000000010000209f0003e00, 0x1000000010000000010000209f0003e00),
    301: (0x1000000010000000110000009f0001a00, 0x1000000010000000110000009f0001a00),
    306: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    309: (0x107ffffff87fffffe10000009f0001a00, 0x107ffffff87fffffe10000009f0001a00),
    311: (0x1000000010000000030000009f0001a00, 0x1000000010000000030000009f0001a00),
    316: (0x1200000010000000018000009f0003e00, 0x1200000010000000018000009f0003e00),
    321: (0x1000000010000000110000009f0001a00, 0x1000000010000000110000009f0001a00),
    328: (0x1000000110000001010000009f0001a00, 0x1000000110000001010000009f0001a00),
    333: (0x1001000010010000010000009f0001a00, 0x1001000010010000010000009f0001a00),
    339: (0x1008000390880003810000009f0001a00, 0x1008000390880003810000009f0001a00),
    343: (0x8000000000000000000000000000000, 0x0),
    346: (0xd7ffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    348: (0x20000000000000000000000000000000, 0x0),
    353: (0x1002000010020000010000009f0001a00, 0x1002000010020000010000009f0001a00),
    355: (0x1000000010000000014000009f0001a00, 0x1000000010000000014000009f0001a00),
    359: (0x1000000010800000010000009f0001a00, 0x1000000010800000010000009f0001a00),
    361: (0x1000100010801000010000009f0001a00, 0x1000100010801000010000009f0001a00),
    366: (0x10000000100000000507e0409f0001a00, 0x10000000100000000507e0409f0001a00),
    369: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    374: (0x1000000010000000010001009f0001a00, 0x1000000010000000010001009f0001a00),
    380: (0x1100000010000000010000009f0001a00, 0x1100000010000000010000009f0001a00),
    388: (0x1000000010000000010004049f0001a00, 0x1000000010000000010004049f0001a00),
    393: (0x1c7fffffffffffffff7ffec3bffffdbff, 0x1c7fffffffffffffff7ffec3bffffdbff),
    396: (0x1cffffffffffffffff7ffecbfffffdbff, 0x1cffffffffffffffff7ffecbfffffdbff),
    398: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    401: (0x1000000010000000010002009f0001a00, 0x1000000010000000010002009f0001a00),
    404: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    408: (0x1000000010000000010002009f0001a00, 0x1000000010000000010002009f0001a00),
    409: (0x1000000010000000010001009f0001a00, 0x1000000010000000010001009f0001a00),
    417: (0x1ffffffffffffffffffffffffffffffff, 0x1ffffffffffffffffffffffffffffffff),
    418: (0x1000000010000000013ff4009f0001a00, 0x1000000010000000013ff4009f0001a00),
    420: (0x1000000010000000010000009f0001a00, 0x1000000010000000010000009f0001a00),
    423: (0xfffffffffffffffffffffffbffffdbff, 0x1ffffffffffffffffffffffffffffffff),
    424: (0x1000000000000000000000000, 0x0),
    427: (0x800000004006801f0001a00, 0x1ffffffffffffffffffffffffffffffff),
    430: (0x80000000400400000000000, 0x0),
    432: (0x2801f0001a00, 0x1ffffffffffffffffffffffffffffffff),
    434: (0x100000001000000001000380bf0001a00, 0x100000001000000001000380bf0001a00),
    439: (0x100000001000000001000ec29f0001a00, 0x100000001000000001000ec29f0001a00),
    442: (0x107ffffff87fffffe10000009f0001a00, 0x107ffffff87fffffe10000009f0001a00),
    445: (0x1000000010000000010001009f0003e00, 0x1000000010000000010001009f0003e00),
    448: (0x1000000010000000010000209f0003e00, 0x1000000010000000010000209f0003e00),
    450: (0x1000000012000000010000009f0001a00, 0x1000000012000000010000009f0001a00),
    453: (0x1000100010001000010000009f0001a00, 0x1000100010001000010000009f0001a00),
}


def p0(s, loc, O):
    n0 = len(O)
    r = p1(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p3(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p456(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    return loc

def p1(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p2(s, loc, O):
    m = M2(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p3(s, loc, O):
    r = p4(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p4(s, loc, O):
    n0 = len(O)
    m = M5(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p6(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p455(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p5(s, loc, O):
    m = M5(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p6(s, loc, O):
    start = loc
    T = []
    r = p7(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M453(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M28(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p115(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M454(s, loc)
    if m is None:
        FA454(s, loc, E454, ParseException(s, loc, E454.errmsg, E454))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A6_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p7(s, loc, O):
    while True:
        r = p8(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p8(s, loc, O):
    n0 = len(O)
    r = p9(s, loc, O)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    return loc

def p9(s, loc, O):
    start = loc
    T = []
    r = p10(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p13(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p446(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A9_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p10(s, loc, O):
    start = loc
    T = []
    m = M11(s, loc)
    if m is None:
        return ~loc
    T.append(m)
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    try:
        v = A10_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p11(s, loc, O):
    m = M11(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p12(s, loc, O):
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p13(s, loc, O):
    r = p14(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p14(s, loc, O):
    n0 = len(O)
    r = p15(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p443(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p15(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D15.table.get(c)
    if alts is None:
        alts = D15.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p16(s, loc, O):
    n0 = len(O)
    m = M17(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'name'))
    loc = m.end()
    m = M18(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p19(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p17(s, loc, O):
    m = M17(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'name'))
    loc = m.end()
    return loc

def p18(s, loc, O):
    m = M18(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p19(s, loc, O):
    start = loc
    T = []
    r = p20(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p437(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A19_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p20(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M21(s, loc)
        if m is None:
            r = ~loc
            break
        t = [m]
        try:
            v = A21_0(s, loc, t)
        except ParseException as x:
            r = ~x.loc
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p22(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p21(s, loc, O):
    m = M21(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A21_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p22(s, loc, O):
    st = CUR.state
    if st.depth >= st.nest_limit:
        found = st.memo.get((id(E22), loc, True, st.in_string))
        if found is None:
            raise Deeper(E22, loc, True, st.last_op, st.in_string)
        if isinstance(found, BaseException):
            if isinstance(found, ParseException):
                return ~found.loc
            raise found.with_traceback(None)
        O += found[1]
        return found[0]
    st.depth += 1
    try:
        return p23(s, loc, O)
    finally:
        st.depth -= 1

def p23(s, loc, O):
    start = loc
    best = loc
    r = p24(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p433(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p24(s, loc, O):
    start = loc
    T = []
    r = p25(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p425(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A24_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p25(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D25.table.get(c)
    if alts is None:
        alts = D25.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p26(s, loc, O):
    m = M26(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A26_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p27(s, loc, O):
    start = loc
    T = []
    m = M28(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p29(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M413(s, loc)
    if m is None:
        FA413(s, loc, E413, ParseException(s, loc, E413.errmsg, E413))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A27_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p28(s, loc, O):
    m = M28(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p29(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D29.table.get(c)
    if alts is None:
        alts = D29.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p30(s, loc, O):
    m = M30(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A30_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p31(s, loc, O):
    st = CUR.state
    if st.depth >= st.nest_limit:
        found = st.memo.get((id(E31), loc, True, st.in_string))
        if found is None:
            raise Deeper(E31, loc, True, st.last_op, st.in_string)
        if isinstance(found, BaseException):
            if isinstance(found, ParseException):
                return ~found.loc
            raise found.with_traceback(None)
        O += found[1]
        return found[0]
    st.depth += 1
    try:
        return p32(s, loc, O)
    finally:
        st.depth -= 1

def p32(s, loc, O):
    start = loc
    best = loc
    r = p33(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p411(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p33(s, loc, O):
    start = loc
    T = []
    m = M34(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p35(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p41(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A33_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p34(s, loc, O):
    m = M34(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p35(s, loc, O):
    start = loc
    T = []
    r = p20(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p36(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A35_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p36(s, loc, O):
    while True:
        r = p37(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p37(s, loc, O):
    n0 = len(O)
    m = M38(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A38_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A38_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    r = p39(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p38(s, loc, O):
    m = M38(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A38_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A38_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    return loc

def p39(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D39.table.get(c)
    if alts is None:
        alts = D39.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p40(s, loc, O):
    t = []
    try:
        v = A40_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p41(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D41.table.get(c)
    if alts is None:
        alts = D41.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p42(s, loc, O):
    m = M42(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p43(s, loc, O):
    n0 = len(O)
    m = M44(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A44_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A44_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    r = p45(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p44(s, loc, O):
    m = M44(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A44_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A44_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    return loc

def p45(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D45.table.get(c)
    if alts is None:
        alts = D45.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p46(s, loc, O):
    n0 = len(O)
    m = M47(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p48(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p47(s, loc, O):
    m = M47(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p48(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D48.table.get(c)
    if alts is None:
        alts = D48.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p49(s, loc, O):
    n0 = len(O)
    m = M50(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p51(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p50(s, loc, O):
    m = M50(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p51(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D51.table.get(c)
    if alts is None:
        alts = D51.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p52(s, loc, O):
    start = loc
    T = []
    m = M53(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p54(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p57(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M59(s, loc)
    if m is None:
        FA59(s, loc, E59, ParseException(s, loc, E59.errmsg, E59))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p60(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p79(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p89(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A52_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p53(s, loc, O):
    m = M53(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p54(s, loc, O):
    start = loc
    best = loc
    r = p55(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A56_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p55(s, loc, O):
    n0 = len(O)
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M28(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p56(s, loc, O):
    t = []
    try:
        v = A56_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p57(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D57.table.get(c)
    if alts is None:
        alts = D57.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p58(s, loc, O):
    t = []
    try:
        v = A58_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p59(s, loc, O):
    m = M59(s, loc)
    if m is None:
        FA59(s, loc, E59, ParseException(s, loc, E59.errmsg, E59))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p60(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A78_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p61(s, loc, O):
    start = loc
    T = []
    m = M62(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p63(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p76(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A61_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p62(s, loc, O):
    m = M62(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p63(s, loc, O):
    st = CUR.state
    if st.depth >= st.nest_limit:
        found = st.memo.get((id(E63), loc, True, st.in_string))
        if found is None:
            raise Deeper(E63, loc, True, st.last_op, st.in_string)
        if isinstance(found, BaseException):
            if isinstance(found, ParseException):
                return ~found.loc
            raise found.with_traceback(None)
        O += found[1]
        return found[0]
    st.depth += 1
    try:
        return p64(s, loc, O)
    finally:
        st.depth -= 1

def p64(s, loc, O):
    n0 = len(O)
    r = p65(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p66(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p65(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p66(s, loc, O):
    while True:
        r = p67(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p67(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M68(s, loc)
        if m is None:
            r = ~loc
            break
        t = [m]
        try:
            v = A68_0(s, loc, t)
        except ParseException as x:
            r = ~x.loc
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p69(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p68(s, loc, O):
    m = M68(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A68_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p69(s, loc, O):
    n0 = len(O)
    m = M70(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p71(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p70(s, loc, O):
    m = M70(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p71(s, loc, O):
    start = loc
    best = loc
    r = p72(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p74(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p72(s, loc, O):
    n0 = len(O)
    m = M47(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p48(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    m = M73(s, loc)
    if m is None:
        FA73(s, loc, E73, ParseException(s, loc, E73.errmsg, E73))
        del O[n0:]
        return ~loc
    loc = m.end()
    return loc

def p73(s, loc, O):
    m = M73(s, loc)
    if m is None:
        FA73(s, loc, E73, ParseException(s, loc, E73.errmsg, E73))
        return ~loc
    loc = m.end()
    return loc

def p74(s, loc, O):
    n0 = len(O)
    r = p31(s, loc, O)
    if r < 0:
        return r
    loc = r
    m = M75(s, loc)
    if m is None:
        FA75(s, loc, E75, ParseException(s, loc, E75.errmsg, E75))
        del O[n0:]
        return ~loc
    loc = m.end()
    return loc

def p75(s, loc, O):
    m = M75(s, loc)
    if m is None:
        FA75(s, loc, E75, ParseException(s, loc, E75.errmsg, E75))
        return ~loc
    loc = m.end()
    return loc

def p76(s, loc, O):
    while True:
        m = M77(s, loc)
        if m is None:
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        break
    return loc

def p77(s, loc, O):
    m = M77(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p78(s, loc, O):
    t = []
    try:
        v = A78_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p79(s, loc, O):
    while True:
        r = p80(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p80(s, loc, O):
    n0 = len(O)
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M81(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p82(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p84(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    m = M86(s, loc)
    if m is None:
        FA86(s, loc, E86, ParseException(s, loc, E86.errmsg, E86))
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    r = p87(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p81(s, loc, O):
    m = M81(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p82(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M28(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A83_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p83(s, loc, O):
    t = []
    try:
        v = A83_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p84(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D84.table.get(c)
    if alts is None:
        alts = D84.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p85(s, loc, O):
    t = []
    try:
        v = A85_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p86(s, loc, O):
    m = M86(s, loc)
    if m is None:
        FA86(s, loc, E86, ParseException(s, loc, E86.errmsg, E86))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p87(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A88_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p88(s, loc, O):
    t = []
    try:
        v = A88_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p89(s, loc, O):
    r = p90(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p90(s, loc, O):
    n0 = len(O)
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M91(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    r = p92(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p91(s, loc, O):
    m = M91(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p92(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A93_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p93(s, loc, O):
    t = []
    try:
        v = A93_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p94(s, loc, O):
    start = loc
    T = []
    m = M95(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p96(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p98(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p100(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p103(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M105(s, loc)
    if m is None:
        FA105(s, loc, E105, ParseException(s, loc, E105.errmsg, E105))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p106(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A94_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p95(s, loc, O):
    m = M95(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p96(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M28(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A97_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p97(s, loc, O):
    t = []
    try:
        v = A97_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p98(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M26(s, loc)
        if m is None:
            r = ~loc
            break
        t = [m]
        try:
            v = A26_0(s, loc, t)
        except ParseException as x:
            r = ~x.loc
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A99_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p99(s, loc, O):
    t = []
    try:
        v = A99_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p100(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M101(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A102_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p101(s, loc, O):
    m = M101(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p102(s, loc, O):
    t = []
    try:
        v = A102_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p103(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D103.table.get(c)
    if alts is None:
        alts = D103.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p104(s, loc, O):
    t = []
    try:
        v = A104_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p105(s, loc, O):
    m = M105(s, loc)
    if m is None:
        FA105(s, loc, E105, ParseException(s, loc, E105.errmsg, E105))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p106(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A107_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p107(s, loc, O):
    t = []
    try:
        v = A107_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p108(s, loc, O):
    start = loc
    T = []
    m = M109(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p110(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p113(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p131(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A108_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p109(s, loc, O):
    m = M109(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p110(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M111(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), 'fname'))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A112_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p111(s, loc, O):
    m = M111(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'fname'))
    loc = m.end()
    return loc

def p112(s, loc, O):
    t = []
    try:
        v = A112_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p113(s, loc, O):
    r = p114(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p114(s, loc, O):
    n0 = len(O)
    m = M28(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p115(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    m = M130(s, loc)
    if m is None:
        FA130(s, loc, E130, ParseException(s, loc, E130.errmsg, E130))
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p115(s, loc, O):
    r = p116(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p116(s, loc, O):
    n0 = len(O)
    r = p117(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p127(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p117(s, loc, O):
    start = loc
    T = []
    r = p118(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M26(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A26_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p122(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A117_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p118(s, loc, O):
    while True:
        r = p119(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p119(s, loc, O):
    n0 = len(O)
    r = p120(s, loc, O)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    return loc

def p120(s, loc, O):
    start = loc
    best = loc
    r = p9(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            m = M121(s, loc)
            if m is None:
                r = ~loc
                break
            t = [m]
            try:
                v = A121_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            loc = m.end()
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p121(s, loc, O):
    m = M121(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A121_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p122(s, loc, O):
    r = p123(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p123(s, loc, O):
    n0 = len(O)
    m = M124(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p125(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p124(s, loc, O):
    m = M124(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p125(s, loc, O):
    start = loc
    best = loc
    r = p19(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A126_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p126(s, loc, O):
    t = []
    try:
        v = A126_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p127(s, loc, O):
    while True:
        r = p128(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p128(s, loc, O):
    n0 = len(O)
    m = M129(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p117(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p129(s, loc, O):
    m = M129(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p130(s, loc, O):
    m = M130(s, loc)
    if m is None:
        FA130(s, loc, E130, ParseException(s, loc, E130.errmsg, E130))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p131(s, loc, O):
    start = loc
    best = loc
    r = p132(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A146_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p132(s, loc, O):
    start = loc
    T = []
    m = M62(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p133(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p134(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p137(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p145(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A132_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p133(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p134(s, loc, O):
    r = p135(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p135(s, loc, O):
    n0 = len(O)
    m = M5(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p6(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p136(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p136(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p137(s, loc, O):
    start = loc
    best = loc
    r = p138(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p63(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p138(s, loc, O):
    n0 = len(O)
    r = p139(s, loc, O)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    return loc

def p139(s, loc, O):
    r = p140(s, loc, O)
    if r < 0:
        return r
    loc = r
    while True:
        r = p140(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p140(s, loc, O):
    n0 = len(O)
    r = p141(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p144(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p141(s, loc, O):
    start = loc
    T = []
    m = M142(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M62(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p63(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p143(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A141_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p142(s, loc, O):
    m = M142(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p143(s, loc, O):
    while True:
        m = M77(s, loc)
        if m is None:
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        break
    return loc

def p144(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p145(s, loc, O):
    while True:
        m = M77(s, loc)
        if m is None:
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        break
    return loc

def p146(s, loc, O):
    t = []
    try:
        v = A146_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p147(s, loc, O):
    T = []
    start = loc
    best = loc
    r = p148(s, loc, T)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p152(s, loc, T)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    T0 = loc
    loc = r
    try:
        v = A147_0(s, T0, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p148(s, loc, O):
    n0 = len(O)
    m = M149(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p150(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p149(s, loc, O):
    m = M149(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p150(s, loc, O):
    while True:
        m = M151(s, loc)
        if m is None:
            break
        t = [m]
        try:
            v = A151_0(s, loc, t)
        except ParseException as x:
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        break
    return loc

def p151(s, loc, O):
    m = M151(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A151_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p152(s, loc, O):
    n0 = len(O)
    m = M153(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p154(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p153(s, loc, O):
    m = M153(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p154(s, loc, O):
    r = p155(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p155(s, loc, O):
    n0 = len(O)
    m = M156(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p31(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p156(s, loc, O):
    m = M156(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p157(s, loc, O):
    start = loc
    T = []
    m = M158(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p159(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p161(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p171(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A157_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p158(s, loc, O):
    m = M158(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p159(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A160_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p160(s, loc, O):
    t = []
    try:
        v = A160_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p161(s, loc, O):
    while True:
        r = p162(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p162(s, loc, O):
    start = loc
    T = []
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M163(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p164(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p169(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A162_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p163(s, loc, O):
    m = M163(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p164(s, loc, O):
    r = p165(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p165(s, loc, O):
    n0 = len(O)
    m = M121(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A121_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    r = p166(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p166(s, loc, O):
    while True:
        r = p167(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p167(s, loc, O):
    n0 = len(O)
    m = M168(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M121(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    t = [m]
    try:
        v = A121_0(s, loc, t)
    except ParseException as x:
        del O[n0:]
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p168(s, loc, O):
    m = M168(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p169(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A170_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p170(s, loc, O):
    t = []
    try:
        v = A170_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p171(s, loc, O):
    r = p172(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p172(s, loc, O):
    n0 = len(O)
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    m = M173(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        del O[n0:]
        return ~loc
    loc = m.end()
    r = p174(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p173(s, loc, O):
    m = M173(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p174(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A175_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p175(s, loc, O):
    t = []
    try:
        v = A175_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p176(s, loc, O):
    start = loc
    T = []
    m = M177(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p178(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p180(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M182(s, loc)
    if m is None:
        FA182(s, loc, E182, ParseException(s, loc, E182.errmsg, E182))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p183(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A176_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p177(s, loc, O):
    m = M177(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p178(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M28(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A179_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p179(s, loc, O):
    t = []
    try:
        v = A179_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p180(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D180.table.get(c)
    if alts is None:
        alts = D180.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p181(s, loc, O):
    t = []
    try:
        v = A181_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p182(s, loc, O):
    m = M182(s, loc)
    if m is None:
        FA182(s, loc, E182, ParseException(s, loc, E182.errmsg, E182))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p183(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A184_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p184(s, loc, O):
    t = []
    try:
        v = A184_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p185(s, loc, O):
    start = loc
    T = []
    m = M186(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p187(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p189(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p191(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p189(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p193(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p189(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M194(s, loc)
    if m is None:
        FA194(s, loc, E194, ParseException(s, loc, E194.errmsg, E194))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p195(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A185_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p186(s, loc, O):
    m = M186(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p187(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M28(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A188_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p188(s, loc, O):
    t = []
    try:
        v = A188_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p189(s, loc, O):
    start = loc
    best = loc
    r = p31(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A190_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p190(s, loc, O):
    t = []
    try:
        v = A190_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p191(s, loc, O):
    while True:
        m = M192(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p192(s, loc, O):
    m = M192(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p193(s, loc, O):
    while True:
        m = M192(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p194(s, loc, O):
    m = M194(s, loc)
    if m is None:
        FA194(s, loc, E194, ParseException(s, loc, E194.errmsg, E194))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p195(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A196_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p196(s, loc, O):
    t = []
    try:
        v = A196_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p197(s, loc, O):
    start = loc
    T = []
    m = M198(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p199(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p201(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p204(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p206(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M208(s, loc)
    if m is None:
        FA208(s, loc, E208, ParseException(s, loc, E208.errmsg, E208))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A197_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p198(s, loc, O):
    m = M198(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p199(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A200_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p200(s, loc, O):
    t = []
    try:
        v = A200_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p201(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M202(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A203_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p202(s, loc, O):
    m = M202(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p203(s, loc, O):
    t = []
    try:
        v = A203_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p204(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M28(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A205_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p205(s, loc, O):
    t = []
    try:
        v = A205_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p206(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D206.table.get(c)
    if alts is None:
        alts = D206.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p207(s, loc, O):
    t = []
    try:
        v = A207_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p208(s, loc, O):
    m = M208(s, loc)
    if m is None:
        FA208(s, loc, E208, ParseException(s, loc, E208.errmsg, E208))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p209(s, loc, O):
    start = loc
    T = []
    m = M210(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p211(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p213(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p322(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p324(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p331(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A209_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p210(s, loc, O):
    m = M210(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p211(s, loc, O):
    while True:
        m = M212(s, loc)
        if m is None:
            break
        t = [m]
        try:
            v = A212_0(s, loc, t)
        except ParseException as x:
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
    return loc

def p212(s, loc, O):
    m = M212(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A212_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p213(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D213.table.get(c)
    if alts is None:
        alts = D213.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p214(s, loc, O):
    n0 = len(O)
    m = M28(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p215(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    m = M217(s, loc)
    if m is None:
        FA217(s, loc, E217, ParseException(s, loc, E217.errmsg, E217))
        del O[n0:]
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p215(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D215.table.get(c)
    if alts is None:
        alts = D215.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p216(s, loc, O):
    t = []
    try:
        v = A216_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p217(s, loc, O):
    m = M217(s, loc)
    if m is None:
        FA217(s, loc, E217, ParseException(s, loc, E217.errmsg, E217))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p218(s, loc, O):
    start = loc
    T = []
    m = M219(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A219_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p220(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A218_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p219(s, loc, O):
    m = M219(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A219_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p220(s, loc, O):
    while True:
        r = p221(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p221(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D221.table.get(c)
    if alts is None:
        alts = D221.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p222(s, loc, O):
    m = M222(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A222_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p223(s, loc, O):
    m = M223(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A223_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p224(s, loc, O):
    start = loc
    T = []
    m = M225(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p63(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M226(s, loc)
    if m is None:
        FA226(s, loc, E226, ParseException(s, loc, E226.errmsg, E226))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A224_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p225(s, loc, O):
    m = M225(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p226(s, loc, O):
    m = M226(s, loc)
    if m is None:
        FA226(s, loc, E226, ParseException(s, loc, E226.errmsg, E226))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p227(s, loc, O):
    m = M227(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A227_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p228(s, loc, O):
    start = loc
    T = []
    m = M229(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A229_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p230(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p235(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A228_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p229(s, loc, O):
    m = M229(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A229_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p230(s, loc, O):
    while True:
        r = p231(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p231(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D231.table.get(c)
    if alts is None:
        alts = D231.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p232(s, loc, O):
    m = M232(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A232_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p233(s, loc, O):
    start = loc
    T = []
    m = M225(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p234(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M226(s, loc)
    if m is None:
        FA226(s, loc, E226, ParseException(s, loc, E226.errmsg, E226))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A233_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p234(s, loc, O):
    st = CUR.state
    st.in_string += 1
    try:
        return p63(s, loc, O)
    finally:
        st.in_string -= 1

def p235(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M236(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(m)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A237_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p236(s, loc, O):
    m = M236(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p237(s, loc, O):
    t = []
    try:
        v = A237_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p238(s, loc, O):
    start = loc
    T = []
    m = M26(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A26_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p239(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A238_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p239(s, loc, O):
    r = p240(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p240(s, loc, O):
    start = loc
    best = loc
    r = p241(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p269(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p241(s, loc, O):
    r = p242(s, loc, O)
    if r < 0:
        return r
    loc = r
    while True:
        r = p242(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p242(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D242.table.get(c)
    if alts is None:
        alts = D242.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p243(s, loc, O):
    start = loc
    T = []
    r = p244(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p249(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A243_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p244(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M245(s, loc)
        if m is None:
            r = ~loc
            break
        t = [m]
        try:
            v = A245_0(s, loc, t)
        except ParseException as x:
            r = ~x.loc
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p246(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p245(s, loc, O):
    m = M245(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A245_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p246(s, loc, O):
    n0 = len(O)
    m = M247(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A247_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    r = p248(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p247(s, loc, O):
    m = M247(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A247_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p248(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D248.table.get(c)
    if alts is None:
        alts = D248.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p249(s, loc, O):
    r = p250(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p250(s, loc, O):
    start = loc
    best = loc
    r = p251(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p261(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p251(s, loc, O):
    start = loc
    T = []
    m = M252(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p253(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M260(s, loc)
    if m is None:
        FA260(s, loc, E260, ParseException(s, loc, E260.errmsg, E260))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A251_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p252(s, loc, O):
    m = M252(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p253(s, loc, O):
    r = p254(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p254(s, loc, O):
    n0 = len(O)
    r = p19(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p255(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p255(s, loc, O):
    while True:
        r = p256(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p256(s, loc, O):
    n0 = len(O)
    m = M257(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p258(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p257(s, loc, O):
    m = M257(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p258(s, loc, O):
    start = loc
    best = loc
    r = p19(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A259_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p259(s, loc, O):
    t = []
    try:
        v = A259_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p260(s, loc, O):
    m = M260(s, loc)
    if m is None:
        FA260(s, loc, E260, ParseException(s, loc, E260.errmsg, E260))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p261(s, loc, O):
    start = loc
    T = []
    m = M262(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p132(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A261_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p262(s, loc, O):
    m = M262(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p263(s, loc, O):
    start = loc
    T = []
    m = M264(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p265(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M267(s, loc)
    if m is None:
        FA267(s, loc, E267, ParseException(s, loc, E267.errmsg, E267))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A263_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p264(s, loc, O):
    m = M264(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p265(s, loc, O):
    start = loc
    best = loc
    r = p35(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A266_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p266(s, loc, O):
    t = []
    try:
        v = A266_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p267(s, loc, O):
    m = M267(s, loc)
    if m is None:
        FA267(s, loc, E267, ParseException(s, loc, E267.errmsg, E267))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p268(s, loc, O):
    m = M268(s, loc)
    if m is None:
        return ~loc
    t = [m.group(0)]
    try:
        v = A268_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p269(s, loc, O):
    r = p221(s, loc, O)
    if r < 0:
        return r
    loc = r
    while True:
        r = p221(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p270(s, loc, O):
    start = loc
    T = []
    r = p271(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p289(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A270_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p271(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D271.table.get(c)
    if alts is None:
        alts = D271.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p272(s, loc, O):
    m = M272(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A272_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p273(s, loc, O):
    start = loc
    T = []
    m = M274(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A274_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p275(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p277(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A273_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p274(s, loc, O):
    m = M274(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A274_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p275(s, loc, O):
    while True:
        r = p276(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p276(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D276.table.get(c)
    if alts is None:
        alts = D276.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p277(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M278(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(m)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A279_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p278(s, loc, O):
    m = M278(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p279(s, loc, O):
    t = []
    try:
        v = A279_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p280(s, loc, O):
    start = loc
    T = []
    m = M281(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A281_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p282(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p285(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A280_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p281(s, loc, O):
    m = M281(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A281_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p282(s, loc, O):
    while True:
        r = p283(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p283(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D283.table.get(c)
    if alts is None:
        alts = D283.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p284(s, loc, O):
    m = M284(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A284_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p285(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M286(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(m)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A287_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p286(s, loc, O):
    m = M286(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p287(s, loc, O):
    t = []
    try:
        v = A287_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p288(s, loc, O):
    m = M288(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A288_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p289(s, loc, O):
    while True:
        r = p221(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p290(s, loc, O):
    m = M290(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A290_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p291(s, loc, O):
    start = loc
    T = []
    r = p292(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p320(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A291_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p292(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D292.table.get(c)
    if alts is None:
        alts = D292.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p293(s, loc, O):
    start = loc
    T = []
    m = M294(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p63(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M226(s, loc)
    if m is None:
        FA226(s, loc, E226, ParseException(s, loc, E226.errmsg, E226))
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    try:
        v = A293_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p294(s, loc, O):
    m = M294(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p295(s, loc, O):
    start = loc
    T = []
    m = M296(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p63(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p297(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A295_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p296(s, loc, O):
    m = M296(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p297(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M298(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A299_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p298(s, loc, O):
    m = M298(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p299(s, loc, O):
    t = []
    try:
        v = A299_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p300(s, loc, O):
    start = loc
    T = []
    m = M301(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p302(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p303(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p318(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A300_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p301(s, loc, O):
    m = M301(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p302(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p303(s, loc, O):
    while True:
        r = p304(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p304(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M2(s, loc)
        if m is None:
            r = ~loc
            break
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p305(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p305(s, loc, O):
    n0 = len(O)
    m = M306(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p307(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p315(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p306(s, loc, O):
    m = M306(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p307(s, loc, O):
    start = loc
    T = []
    r = p308(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p310(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p313(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A307_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p308(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D308.table.get(c)
    if alts is None:
        alts = D308.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p309(s, loc, O):
    m = M309(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A309_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p310(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M311(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A312_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p311(s, loc, O):
    m = M311(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p312(s, loc, O):
    t = []
    try:
        v = A312_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p313(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D313.table.get(c)
    if alts is None:
        alts = D313.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p314(s, loc, O):
    t = []
    try:
        v = A314_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p315(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M316(s, loc)
        if m is None:
            r = ~loc
            break
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A317_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p316(s, loc, O):
    m = M316(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p317(s, loc, O):
    t = []
    try:
        v = A317_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p318(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M77(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A319_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p319(s, loc, O):
    t = []
    try:
        v = A319_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p320(s, loc, O):
    while True:
        r = p242(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p321(s, loc, O):
    m = M321(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A321_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p322(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M62(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A323_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p323(s, loc, O):
    t = []
    try:
        v = A323_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p324(s, loc, O):
    while True:
        r = p325(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p325(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M2(s, loc)
        if m is None:
            r = ~loc
            break
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p326(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p326(s, loc, O):
    start = loc
    T = []
    r = p327(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p329(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A326_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p327(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D327.table.get(c)
    if alts is None:
        alts = D327.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p328(s, loc, O):
    m = M328(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p329(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A330_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p330(s, loc, O):
    t = []
    try:
        v = A330_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p331(s, loc, O):
    while True:
        m = M77(s, loc)
        if m is None:
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        break
    return loc

def p332(s, loc, O):
    start = loc
    T = []
    m = M333(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    r = p334(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p335(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A332_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p333(s, loc, O):
    m = M333(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p334(s, loc, O):
    while True:
        m = M121(s, loc)
        if m is None:
            break
        t = [m]
        try:
            v = A121_0(s, loc, t)
        except ParseException as x:
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        break
    return loc

def p335(s, loc, O):
    start = loc
    best = loc
    r = p61(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A336_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p336(s, loc, O):
    t = []
    try:
        v = A336_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p337(s, loc, O):
    T = []
    start = loc
    best = loc
    r = p338(s, loc, T)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p352(s, loc, T)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    T0 = loc
    loc = r
    try:
        v = A337_0(s, T0, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p338(s, loc, O):
    n0 = len(O)
    m = M339(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    r = p340(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    t = []
    try:
        v = A351_0(s, loc, t)
    except ParseException as x:
        del O[n0:]
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p339(s, loc, O):
    m = M339(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p340(s, loc, O):
    T = []
    start = loc
    best = loc
    r = p341(s, loc, T)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A350_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                T += v
            elif v is None:
                T += t
            elif isinstance(v, PR):
                T += v
            else:
                T.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    T0 = loc
    loc = r
    try:
        v = A340_0(s, T0, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p341(s, loc, O):
    st = CUR.state
    if st.depth >= st.nest_limit:
        found = st.memo.get((id(E341), loc, True, st.in_string))
        if found is None:
            raise Deeper(E341, loc, True, st.last_op, st.in_string)
        if isinstance(found, BaseException):
            if isinstance(found, ParseException):
                return ~found.loc
            raise found.with_traceback(None)
        O += found[1]
        return found[0]
    st.depth += 1
    try:
        return p342(s, loc, O)
    finally:
        st.depth -= 1

def p342(s, loc, O):
    n0 = len(O)
    m = M343(s, loc)
    if m is None:
        return ~loc
    O.append(m.group(0))
    loc = m.end()
    r = p344(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p347(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p343(s, loc, O):
    m = M343(s, loc)
    if m is None:
        return ~loc
    O.append(m.group(0))
    loc = m.end()
    return loc

def p344(s, loc, O):
    while True:
        r = p345(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p345(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M346(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(m.group(0))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p341(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p346(s, loc, O):
    m = M346(s, loc)
    if m is None:
        return ~loc
    O.append(m.group(0))
    loc = m.end()
    return loc

def p347(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M348(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(m.group(0))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A349_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p348(s, loc, O):
    m = M348(s, loc)
    if m is None:
        return ~loc
    O.append(m.group(0))
    loc = m.end()
    return loc

def p349(s, loc, O):
    t = []
    try:
        v = A349_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p350(s, loc, O):
    t = []
    try:
        v = A350_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p351(s, loc, O):
    t = []
    try:
        v = A351_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p352(s, loc, O):
    n0 = len(O)
    m = M353(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    t = []
    try:
        v = A351_0(s, loc, t)
    except ParseException as x:
        del O[n0:]
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p353(s, loc, O):
    m = M353(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p354(s, loc, O):
    start = loc
    T = []
    m = M355(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A355_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    m = M12(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p356(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A354_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p355(s, loc, O):
    m = M355(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A355_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p356(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D356.table.get(c)
    if alts is None:
        alts = D356.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p357(s, loc, O):
    t = []
    try:
        v = A357_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p358(s, loc, O):
    n0 = len(O)
    m = M359(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p337(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p359(s, loc, O):
    m = M359(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p360(s, loc, O):
    n0 = len(O)
    m = M361(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p6(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p361(s, loc, O):
    m = M361(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p362(s, loc, O):
    t = []
    try:
        v = A362_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p363(s, loc, O):
    n0 = len(O)
    r = p364(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p378(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p364(s, loc, O):
    while True:
        r = p365(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p365(s, loc, O):
    start = loc
    T = []
    m = M366(s, loc)
    if m is None:
        return ~loc
    T.append(m)
    loc = m.end()
    r = p367(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A365_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p366(s, loc, O):
    m = M366(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p367(s, loc, O):
    r = p368(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p368(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D368.table.get(c)
    if alts is None:
        alts = D368.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p369(s, loc, O):
    m = M369(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p370(s, loc, O):
    start = loc
    T = []
    r = p371(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p372(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A370_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p371(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D371.table.get(c)
    if alts is None:
        alts = D371.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p372(s, loc, O):
    while True:
        r = p373(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p373(s, loc, O):
    n0 = len(O)
    m = M374(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p375(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p374(s, loc, O):
    m = M374(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p375(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D375.table.get(c)
    if alts is None:
        alts = D375.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p376(s, loc, O):
    t = []
    try:
        v = A376_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p377(s, loc, O):
    t = []
    try:
        v = A377_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p378(s, loc, O):
    while True:
        r = p379(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p379(s, loc, O):
    n0 = len(O)
    m = M380(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p381(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p380(s, loc, O):
    m = M380(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p381(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D381.table.get(c)
    if alts is None:
        alts = D381.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p382(s, loc, O):
    n0 = len(O)
    m = M34(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p383(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p383(s, loc, O):
    start = loc
    T = []
    r = p35(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p384(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A383_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p384(s, loc, O):
    while True:
        r = p365(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p385(s, loc, O):
    start = loc
    T = []
    r = p386(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p394(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A385_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p386(s, loc, O):
    start = loc
    best = loc
    r = p387(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            m = M393(s, loc)
            if m is None:
                r = ~loc
                break
            t = [m]
            try:
                v = A393_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            loc = m.end()
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p387(s, loc, O):
    n0 = len(O)
    m = M388(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A388_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    r = p389(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p388(s, loc, O):
    m = M388(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A388_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p389(s, loc, O):
    r = p390(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p390(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D390.table.get(c)
    if alts is None:
        alts = D390.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p391(s, loc, O):
    start = loc
    T = []
    m = M26(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A26_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p392(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A391_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p392(s, loc, O):
    while True:
        r = p242(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p393(s, loc, O):
    m = M393(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A393_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p394(s, loc, O):
    while True:
        r = p395(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p395(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M396(s, loc)
        if m is None:
            r = ~loc
            break
        t = [m]
        try:
            v = A396_0(s, loc, t)
        except ParseException as x:
            r = ~x.loc
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        r = p397(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p396(s, loc, O):
    m = M396(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A396_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p397(s, loc, O):
    n0 = len(O)
    m = M398(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p399(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p398(s, loc, O):
    m = M398(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p399(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D399.table.get(c)
    if alts is None:
        alts = D399.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p400(s, loc, O):
    start = loc
    T = []
    m = M401(s, loc)
    if m is None:
        return ~loc
    T.append(m)
    loc = m.end()
    r = p402(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A400_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p401(s, loc, O):
    m = M401(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p402(s, loc, O):
    r = p403(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p403(s, loc, O):
    n0 = len(O)
    m = M404(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p405(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p404(s, loc, O):
    m = M404(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p405(s, loc, O):
    r = p406(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p406(s, loc, O):
    n0 = len(O)
    r = p407(s, loc, O)
    if r < 0:
        return r
    loc = r
    r = p370(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p407(s, loc, O):
    if p42(s, loc, []) >= 0:
        return ~loc
    return loc

def p408(s, loc, O):
    m = M408(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A408_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p409(s, loc, O):
    m = M409(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A409_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p410(s, loc, O):
    t = []
    try:
        v = A410_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p411(s, loc, O):
    start = loc
    T = []
    r = p385(s, loc, T)
    if r < 0:
        return r
    loc = r
    r = p378(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A411_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p412(s, loc, O):
    t = []
    try:
        v = A412_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p413(s, loc, O):
    m = M413(s, loc)
    if m is None:
        FA413(s, loc, E413, ParseException(s, loc, E413.errmsg, E413))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p414(s, loc, O):
    start = loc
    T = []
    m = M121(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A121_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        T += v
    elif v is None:
        T += t
    elif isinstance(v, PR):
        T += v
    else:
        T.append(v)
    loc = m.end()
    r = p415(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A414_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p415(s, loc, O):
    r = p416(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p416(s, loc, O):
    n0 = len(O)
    m = M417(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p20(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p417(s, loc, O):
    m = M417(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p418(s, loc, O):
    m = M418(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A418_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p419(s, loc, O):
    start = loc
    T = []
    m = M420(s, loc)
    if m is None:
        return ~loc
    T.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p421(s, loc, T)
    if r < 0:
        return r
    loc = r
    m = M424(s, loc)
    if m is None:
        return ~loc
    T.append(m)
    loc = m.end()
    try:
        v = A419_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p420(s, loc, O):
    m = M420(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p421(s, loc, O):
    while True:
        r = p422(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p422(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D422.table.get(c)
    if alts is None:
        alts = D422.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p423(s, loc, O):
    m = M423(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A423_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p424(s, loc, O):
    m = M424(s, loc)
    if m is None:
        return ~loc
    O.append(m)
    loc = m.end()
    return loc

def p425(s, loc, O):
    r = p426(s, loc, O)
    if r >= 0:
        loc = r
    return loc

def p426(s, loc, O):
    n0 = len(O)
    m = M427(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p428(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    r = p431(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p427(s, loc, O):
    m = M427(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p428(s, loc, O):
    while True:
        r = p429(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p429(s, loc, O):
    n0 = len(O)
    m = M430(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    r = p242(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p430(s, loc, O):
    m = M430(s, loc)
    if m is None:
        return ~loc
    loc = m.end()
    return loc

def p431(s, loc, O):
    while True:
        m = M432(s, loc)
        if m is None:
            break
        t = [m]
        try:
            v = A432_0(s, loc, t)
        except ParseException as x:
            break
        except IndexError as x:
            raise _PAIE('IndexError raised in parse action', x) from None
        if v.__class__ is list:
            O += v
        elif v is None:
            O += t
        elif isinstance(v, PR):
            O += v
        else:
            O.append(v)
        loc = m.end()
        break
    return loc

def p432(s, loc, O):
    m = M432(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A432_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    loc = m.end()
    return loc

def p433(s, loc, O):
    start = loc
    T = []
    m = M434(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A434_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A434_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    T += t
    loc = m.end()
    r = p435(s, loc, T)
    if r < 0:
        return r
    loc = r
    try:
        v = A433_0(s, start, T)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += T
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p434(s, loc, O):
    m = M434(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A434_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A434_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    return loc

def p435(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D435.table.get(c)
    if alts is None:
        alts = D435.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p436(s, loc, O):
    t = []
    try:
        v = A436_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p437(s, loc, O):
    while True:
        r = p438(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p438(s, loc, O):
    n0 = len(O)
    m = M439(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A439_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A439_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    r = p440(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p439(s, loc, O):
    m = M439(s, loc)
    if m is None:
        return ~loc
    t = [m]
    try:
        v = A439_0(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
        v = A439_1(s, loc, t)
        if v is not None and v is not t:
            t = v if v.__class__ is list else list(v) if isinstance(v, PR) else [v]
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    O += t
    loc = m.end()
    return loc

def p440(s, loc, O):
    c = s[loc:loc + 1]
    if c == ' ' or c == '\t':
        j = _BLANKS(s, loc).end()
        c = ' ' + s[j:j + 1]
    alts = D440.table.get(c)
    if alts is None:
        alts = D440.fill(c)
    best = loc
    for f in alts:
        r = f(s, loc, O)
        if r >= 0:
            break
        if ~r > best:
            best = ~r
    else:
        return ~best
    return r

def p441(s, loc, O):
    t = []
    try:
        v = A441_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p442(s, loc, O):
    m = M442(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'flag'))
    loc = m.end()
    return loc

def p443(s, loc, O):
    while True:
        r = p444(s, loc, O)
        if r < 0:
            break
        loc = r
    return loc

def p444(s, loc, O):
    n0 = len(O)
    m = M445(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p15(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p445(s, loc, O):
    m = M445(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p446(s, loc, O):
    start = loc
    best = loc
    r = p447(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A452_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p447(s, loc, O):
    n0 = len(O)
    m = M448(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    r = p449(s, loc, O)
    if r < 0:
        del O[n0:]
        return r
    loc = r
    return loc

def p448(s, loc, O):
    m = M448(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p449(s, loc, O):
    start = loc
    best = loc
    while True:
        m = M450(s, loc)
        if m is None:
            r = ~loc
            break
        O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
        loc = m.end()
        r = loc
        loc = start
        break
    if r < 0:
        if ~r > best:
            best = ~r
        while True:
            t = []
            try:
                v = A451_0(s, loc, t)
            except ParseException as x:
                r = ~x.loc
                break
            except IndexError as x:
                raise _PAIE('IndexError raised in parse action', x) from None
            if v.__class__ is list:
                O += v
            elif v is None:
                O += t
            elif isinstance(v, PR):
                O += v
            else:
                O.append(v)
            r = loc
            loc = start
            break
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

def p450(s, loc, O):
    m = M450(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p451(s, loc, O):
    t = []
    try:
        v = A451_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p452(s, loc, O):
    t = []
    try:
        v = A452_0(s, loc, t)
    except ParseException as x:
        return ~x.loc
    except IndexError as x:
        raise _PAIE('IndexError raised in parse action', x) from None
    if v.__class__ is list:
        O += v
    elif v is None:
        O += t
    elif isinstance(v, PR):
        O += v
    else:
        O.append(v)
    return loc

def p453(s, loc, O):
    m = M453(s, loc)
    if m is None:
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), 'kw'))
    loc = m.end()
    return loc

def p454(s, loc, O):
    m = M454(s, loc)
    if m is None:
        FA454(s, loc, E454, ParseException(s, loc, E454.errmsg, E454))
        return ~loc
    O.append(Tok(m.group(1), m.start(1), m.end(1), ''))
    loc = m.end()
    return loc

def p455(s, loc, O):
    while True:
        m = M2(s, loc)
        if m is None:
            break
        loc = m.end()
        break
    return loc

def p456(s, loc, O):
    start = loc
    best = loc
    r = p138(s, loc, O)
    if r < 0:
        if ~r > best:
            best = ~r
        r = p63(s, loc, O)
        if r < 0:
            if ~r > best:
                best = ~r
            return ~best
    return r

