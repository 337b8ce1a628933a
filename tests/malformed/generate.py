#!/usr/bin/env python3
"""Writes the malformed-input suite (tests/malformed/*.xml). Run from anywhere; idempotent.
Every file is a corpus that `icl-kernel check FILE` must refuse with exit code 2 and a message
"FILE:LINE:COL: ..." (expectations in expected.txt). Most cases are one edit of the valid template below."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<corpus paper="900" title="malformed input">\n'
# line 3..10 of a one-theorem file
T = {
    "open": '  <theorem id="T1" name="t_one" lean="TransformerICL.t_one" section="1">',
    "doc": '    <doc>x + y^2 is non-negative when x is.</doc>',
    "real": '    <real>x y</real>',
    "hyp": '    <hyp name="hx">x &gt;= 0</hyp>',
    "goal": '    <goal>x + y^2 &gt;= 0</goal>',
    "proof": '    <proof><psatz><add><neg_goal/><hyp name="hx"/><square of="y"/></add></psatz></proof>',
    "witness": '    <witness>x = 1; y = 2</witness>',
    "close": '  </theorem>',
}
ORDER = ["open", "doc", "real", "hyp", "goal", "proof", "witness", "close"]


def theorem(**kw):
    lines = []
    for k in ORDER:
        v = kw.get(k, T[k])
        if v is None:
            continue
        lines.append(v)
    return "\n".join(lines) + "\n"


def corpus(*theorems, head=HEAD, tail="</corpus>\n", defs=""):
    return head + defs + "".join(theorems) + tail


def goal(text):
    return {"goal": "    <goal>" + text + "</goal>"}


def proof(text):
    return {"proof": "    <proof>" + text + "</proof>"}


CASES = {}


def case(name, content):
    CASES[name] = content.encode("utf-8") if isinstance(content, str) else content


valid = corpus(theorem())

# ---- files that are not (well-formed) corpus XML
case("empty", "")
case("whitespace_only", "  \n\n  \t\n")
case("truncated_mid_element", valid[: valid.index("<witness>") + 14])
case("truncated_in_attribute", valid[: valid.index('name="hx') + 8])
case("unclosed_root", valid.replace("</corpus>\n", ""))
case("mismatched_tags", valid.replace("</witness>", "</witnes>"))
case("not_xml", "x + y^2 >= 0\n")
case("wrong_root", valid.replace("<corpus ", "<theory ").replace("</corpus>", "</theory>"))
case("non_utf8_latin1", valid.encode("utf-8").replace(b"is non-negative", b"is non-n\xe9gative"))
case("non_utf8_overlong", valid.encode("utf-8").replace(b"<real>x y", b"<real>x \xc0\xaf y"))
case("nul_byte", valid.encode("utf-8").replace(b"x = 1;", b"x = 1\x00;"))
case("unescaped_lt_in_goal", corpus(theorem(**goal("0 < x + y^2 + 1"))))
case("billion_laughs", '<?xml version="1.0"?>\n<!DOCTYPE corpus [\n <!ENTITY lol "lol">\n'
     ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
     ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n'
     '<corpus paper="900">\n' + theorem(**goal("&lol3; &gt;= 0")) + "</corpus>\n")

# ---- structure
case("unknown_element_in_corpus", corpus(theorem(), defs='  <lemma id="L1"/>\n'))
case("unknown_element_in_theorem", corpus(theorem(doc=T["doc"] + "\n    <note>hi</note>")))
case("unknown_attribute", corpus(theorem(open=T["open"].replace('section="1"', 'section="1" author="me"'))))
case("missing_attribute_id", corpus(theorem(open=T["open"].replace('id="T1" ', ""))))
case("lean_name_mismatch", corpus(theorem(open=T["open"].replace("TransformerICL.t_one", "TransformerICL.t_two"))))
case("missing_doc", corpus(theorem(doc=None)))
case("missing_goal", corpus(theorem(goal=None, proof=None)))
case("missing_certificate", corpus(theorem(proof=None)))
case("empty_proof", corpus(theorem(**proof(""))))
case("two_certificates_in_proof", corpus(theorem(**proof("<ring/><ring/>"))))
case("missing_witness", corpus(theorem(witness=None)))
case("element_inside_goal", corpus(theorem(**goal("x + <b>y</b> &gt;= 0"))))
case("text_inside_proof", corpus(theorem(**proof("by nlinarith"))))
case("unknown_certificate", corpus(theorem(**proof("<nlinarith/>"))))
case("unknown_psatz_node", corpus(theorem(**proof('<psatz><add><neg_goal/><sos of="y"/></add></psatz>'))))
case("duplicate_theorem_id", corpus(theorem(), theorem(open=T["open"].replace("t_one", "t_two"))))
case("duplicate_theorem_name", corpus(theorem(), theorem(open=T["open"].replace('"T1"', '"T2"'))))
case("duplicate_hypothesis", corpus(theorem(hyp=T["hyp"] + "\n" + T["hyp"].replace("&gt;=", "&gt;"))))
case("duplicate_variable", corpus(theorem(real="    <real>x y x</real>")))
case("duplicate_definition", corpus(theorem(), defs='  <def name="f" params="a">a</def>\n  <def name="f" params="b">2*b</def>\n'))
case("duplicate_of_unknown", corpus(theorem(open=T["open"].replace('section="1"', 'section="1" duplicate-of="Z9"'))))

# ---- expressions
case("unbalanced_paren_open", corpus(theorem(**goal("(x + y^2 &gt;= 0"))))
case("unbalanced_paren_close", corpus(theorem(**goal("x + y^2) &gt;= 0"))))
case("unknown_variable", corpus(theorem(**goal("x + z^2 &gt;= 0"))))
case("unknown_function", corpus(theorem(**goal("x + sq(y) &gt;= 0"))))
case("wrong_arity", corpus(theorem(**goal("x + f(y, y) &gt;= 0")), defs='  <def name="f" params="a">a^2</def>\n'))
case("division", corpus(theorem(**goal("x/y + y^2 &gt;= 0"))))
case("zero_denominator", corpus(theorem(**goal("x + y^2 &gt;= 1/0"))))
case("decimal_number", corpus(theorem(**goal("x + y^2 &gt;= 0.5"))))
case("huge_exponent", corpus(theorem(**goal("x + y^1000000000 &gt;= 0"))))
case("exponent_not_literal", corpus(theorem(**goal("x + y^x &gt;= 0"))))
case("chained_relation", corpus(theorem(**goal("0 &lt;= x &lt;= x + y^2"))))
case("missing_relation", corpus(theorem(**goal("x + y^2"))))
case("goal_not_equal", corpus(theorem(**goal("x + y^2 != -1"))))
case("unexpected_character", corpus(theorem(**goal("x + y^2 &gt;= 0 ;"))))
case("non_ascii_in_expression", corpus(theorem(**goal("x + y² &gt;= 0"))))
case("huge_rational_100000_digits", corpus(theorem(**goal("x + y^2 &gt;= -" + "9" * 100000 + "/7"))))
case("deep_nesting_parentheses_100000", corpus(theorem(**goal("(" * 100000 + "x" + ")" * 100000 + " + y^2 &gt;= 0"))))
case("deep_nesting_unary_minus_100000", corpus(theorem(**goal("-" * 100000 + "x + y^2 &gt;= 0"))))
case("deep_nesting_certificate_100000", corpus(theorem(**proof(
    "<psatz>" + "<add>" * 100000 + '<neg_goal/><hyp name="hx"/><square of="y"/>' + "</add>" * 100000 + "</psatz>"))))
case("nat_used_as_real", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>", **goal("x + y^2 + d &gt;= 0"),
                                        witness="    <witness>x = 1; y = 2; d = 1</witness>")))
case("family_not_applied_to_index", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
                                                   **goal("x + y^2 + g(x) &gt;= 0"),
                                                   witness="    <witness>x = 1; y = 2; d = 1; g = [1]</witness>")))
case("sum_bound_not_nat", corpus(theorem(**goal("sum(k, y, x) &gt;= 0"))))

# ---- certificates
case("unknown_hypothesis_in_certificate", corpus(theorem(**proof('<psatz><add><neg_goal/><hyp name="hy"/><square of="y"/></add></psatz>'))))
case("unknown_hypothesis_in_linear_combination", corpus(theorem(**goal("x = x"), **proof('<linear_combination><term hyp="h0"/></linear_combination>'))))
case("const_not_a_literal", corpus(theorem(**proof('<psatz><add><neg_goal/><hyp name="hx"/><square of="y"/><const value="x"/></add></psatz>'))))
case("square_missing_of", corpus(theorem(**proof('<psatz><add><neg_goal/><hyp name="hx"/><square/></add></psatz>'))))
case("mulpoly_without_operand", corpus(theorem(**proof('<psatz><add><neg_goal/><hyp name="hx"/><mulpoly by="2"/></add></psatz>'))))
case("empty_add", corpus(theorem(**proof("<psatz><add></add></psatz>"))))
case("wrong_kind_ring_for_inequality", corpus(theorem(**proof("<ring/>"))))
case("wrong_kind_sum_rule_for_plain_goal", corpus(theorem(**proof('<sum_nonneg index="i"><psatz><neg_goal/></psatz></sum_nonneg>'))))
case("nested_sum_rules", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
                                        **goal("sum(k, d, g(k)^2) &gt;= 0"),
                                        **proof('<sum_nonneg index="i"><sum_nonneg index="j"><psatz><neg_goal/></psatz></sum_nonneg></sum_nonneg>'),
                                        witness="    <witness>x = 1; y = 2; d = 1; g = [1]</witness>")))

# ---- witness
case("witness_unknown_variable", corpus(theorem(witness="    <witness>x = 1; y = 2; z = 3</witness>")))
case("witness_bad_number", corpus(theorem(witness="    <witness>x = 1; y = two</witness>")))
case("witness_zero_denominator", corpus(theorem(witness="    <witness>x = 1; y = 2/0</witness>")))
case("witness_assigned_twice", corpus(theorem(witness="    <witness>x = 1; y = 2; x = 3</witness>")))
case("witness_missing_separator", corpus(theorem(witness="    <witness>x = 1 y = 2</witness>")))


# ---- valid files refused once a limit is lowered on the command line (args in expected.txt)
case("limit_flag_max_exponent", corpus(theorem()))
case("limit_flag_max_digits", corpus(theorem(**goal("x + y^2 &gt;= -1000"))))
case("limit_flag_max_nesting", corpus(theorem(**goal("x + ((((y))))^2 &gt;= 0"))))

# ---- numbers read wrongly (docs/robustness-findings.md F10, F11)
case("leading_zero_octal", corpus(theorem(**goal("x + 010 = x + 8"), **proof("<ring/>"))))
case("leading_zero_09", corpus(theorem(**goal("x + 09 = x + 9"), **proof("<ring/>"))))
case("exponent_20_digits", corpus(theorem(**goal("x + y^99999999999999999999 &gt;= 0"))))

# ---- resource exhaustion (docs/robustness-findings.md): must end with a clear limit error, exit 1 or 2,
# quickly, never a crash / hang / out-of-memory kill
case("resource_flat_chain_1000000_terms", corpus(theorem(**goal("x" + "\n + x" * 1000000 + " &gt;= 0"))))
case("resource_long_line_100000_terms", corpus(theorem(**goal("x" + " + x" * 100000 + " &gt;= 0"))))
case("resource_constant_power_tower", corpus(theorem(**goal("x + ((((((2^64)^64)^64)^64)^64)^64) &gt;= 0"))))
case("resource_exponential_definitions", corpus(
    theorem(**goal("x + y^2 + f40(x) - f40(x) &gt;= 0")),
    defs='  <def name="f0" params="a">a</def>\n' + "".join(
        f'  <def name="f{i}" params="a">f{i - 1}(a) + f{i - 1}(a)</def>\n' for i in range(1, 41))))
case("resource_nested_sums_at_witness", corpus(theorem(
    real="    <real>x y</real>\n    <nat>d</nat>",
    hyp=T["hyp"] + '\n    <hyp name="hs">sum(i, d, sum(j, d, sum(k, d, sum(l, d, 1)))) &gt;= 0</hyp>',
    witness="    <witness>x = 1; y = 2; d = 10000</witness>")))

if __name__ == "__main__":
    for name, data in CASES.items():
        with open(os.path.join(HERE, name + ".xml"), "wb") as f:
            f.write(data)
    print(f"wrote {len(CASES)} files to {HERE}")
