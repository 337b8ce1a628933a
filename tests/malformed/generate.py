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

# ---- issue 13: what a reader sees is what the kernel checks (strict XML)
case("charref_nul_in_goal", corpus(theorem(**goal("x + y^2 &gt;= 0&#0; + 1"))))
case("charref_nul_hex_in_definition", corpus(theorem(**goal("x + f(y) &gt;= 0")), defs='  <def name="f" params="a">a^2&#x0; + 1</def>\n'))
case("charref_nul_in_declaration", corpus(theorem(real="    <real>x y&#0; z</real>")))
case("charref_beyond_unicode", corpus(theorem(**goal("x + y^2 &gt;= 0 &#x110041;"))))
case("charref_huge_decimal", corpus(theorem(**goal("x + y^2 &gt;= &#99999999999999999999;0"))))
case("charref_surrogate", corpus(theorem(**goal("x + y^2 &gt;= &#xD800;0"))))
case("charref_control", corpus(theorem(**goal("x + y^2 &gt;= &#1;0"))))
case("charref_fffe_in_attribute", corpus(theorem(hyp='    <hyp name="hx&#xFFFE;">x &gt;= 0</hyp>')))
case("charref_malformed", corpus(theorem(**goal("x + y^2 &gt;= &#x;0"))))
case("raw_control_character", valid.encode("utf-8").replace(b"x + y^2 &gt;= 0", b"x + y^2 &gt;= \x010"))
case("raw_escape_character", valid.encode("utf-8").replace(b"is non-negative", b"is \x1b[31mnon-negative"))
case("utf8_encoded_surrogate", valid.encode("utf-8").replace(b"is non-negative", b"is \xed\xa0\x80non-negative"))
case("utf8_beyond_unicode", valid.encode("utf-8").replace(b"is non-negative", b"is \xf4\x90\x80\x80non-negative"))
case("utf16_bom", "\ufeff".encode("utf-16-le")[:2] + valid.encode("utf-16-le"))
case("encoding_latin1_declared", valid.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))
case("xml_version_1_1", valid.replace('version="1.0"', 'version="1.1"'))
case("dtd_fixed_attribute", valid.replace(HEAD, '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE corpus [\n'
     '  <!ATTLIST hyp forall CDATA #FIXED "k" below CDATA #FIXED "d">\n]>\n<corpus paper="900" title="malformed input">\n'))
case("dtd_internal_entity", valid.replace(HEAD, '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE corpus [ <!ENTITY one "1"> ]>\n'
     '<corpus paper="900" title="malformed input">\n').replace("x + y^2 &gt;= 0", "x + y^2 &gt;= &one;"))
case("undefined_entity", corpus(theorem(**goal("x + y^2 &gt;= &zero;"))))
case("bare_ampersand", corpus(theorem(**goal("x + y^2 &gt;= 0 & 1"))))
case("processing_instruction", corpus(theorem(), defs='  <?icl ignore-next?>\n'))
case("stylesheet_before_root", valid.replace(HEAD, HEAD.split("\n")[0] + '\n<?xml-stylesheet href="x.xsl"?>\n' + HEAD.split("\n")[1] + "\n"))
case("xml_declaration_not_first", "<!-- c -->\n" + valid)
case("cdata_in_goal", corpus(theorem(**goal("<![CDATA[x + y^2 >= 0]]>"))))
case("second_corpus_after_root", valid + '<corpus paper="901" title="ignored">\n</corpus>\n')
case("theorem_after_root", valid + theorem().replace('"T1"', '"T9"').replace("t_one", "t_nine"))
case("text_after_root", valid + "trailing words\n")
case("text_before_root", valid.replace(HEAD, HEAD.split("\n")[0] + "\nstray\n" + HEAD.split("\n")[1] + "\n"))
case("duplicate_attribute_hyp_forall", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
     hyp='    <hyp name="hx">x &gt;= 0</hyp>\n    <hyp name="hg" forall="k" below="d" below="e">g(k) &gt;= 0</hyp>',
     witness="    <witness>x = 1; y = 2; d = 1; g = [1]</witness>")))
case("duplicate_attribute_theorem_id", corpus(theorem(open=T["open"].replace('id="T1"', 'id="T1" id="T2"'))))
case("comment_inside_goal", corpus(theorem(**goal("x + y^2 &gt;= 0<!-- + 1 -->"))))
case("lt_in_attribute", corpus(theorem(**proof('<psatz><add><neg_goal/><hyp name="hx"/><square of="y<1"/></add></psatz>'))))
case("double_hyphen_in_comment", corpus(theorem(), defs="  <!-- a -- b -->\n"))
case("close_cdata_in_text", corpus(theorem(doc="    <doc>x + y^2 ]]> 0</doc>")))
case("unknown_attribute_on_def", corpus(theorem(), defs='  <def name="f" params="a" kind="poly">a</def>\n'))
case("unknown_attribute_on_psatz_node", corpus(theorem(**proof('<psatz><add><neg_goal weight="2"/><hyp name="hx"/><square of="y"/></add></psatz>'))))
case("text_between_theorems", corpus(theorem(), defs="  stray text\n"))
case("text_inside_psatz", corpus(theorem(**proof('<psatz>nlinarith<add><neg_goal/><hyp name="hx"/><square of="y"/></add></psatz>'))))

# ---- issue 13: conventional precedence (^ binds tighter than / and unary minus)
case("precedence_rational_power", corpus(theorem(**goal("2/3^2 + x = 2/9 + x"), **proof("<ring/>"))))
case("precedence_rational_power_parenthesised", corpus(theorem(**goal("(2/3)^2 + x = 4/9 + x"), **proof("<ring/>"))))
case("precedence_rational_power_false", corpus(theorem(**goal("2/3^2 + x = 4/9 + x"), **proof("<ring/>"))))
case("precedence_neg_power", corpus(theorem(**goal("-x^2 + x^2 = 0"), **proof("<ring/>"))))

# ---- issue 13: no silent failure, one error channel
case("definition_over_degree_limit", corpus(theorem(**goal("x + y^2 + big(x) - big(x) &gt;= 0")),
     defs='  <def name="big" params="a">(a^60 + 1)*(a^60 + 1)</def>\n'))
case("definition_calls_itself", corpus(theorem(), defs='  <def name="f" params="a">f(a) + 1</def>\n'))
case("definition_calls_later", corpus(theorem(), defs='  <def name="f" params="a">g(a) + 1</def>\n  <def name="g" params="a">a</def>\n'))
case("wrong_kind_inside_sum_rule", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
     **goal("sum(k, d, g(k)^2) &gt;= 0"), **proof('<sum_nonneg index="i"><ring/></sum_nonneg>'),
     witness="    <witness>x = 1; y = 2; d = 1; g = [1]</witness>")))
case("witness_zero_bound_for_forall", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
     hyp='    <hyp name="hx">x &gt;= 0</hyp>\n    <hyp name="hg" forall="k" below="d">g(k) &gt;= 0</hyp>',
     witness="    <witness>x = 1; y = 2; d = 0; g = []</witness>")))
case("only_repeated_id", corpus(theorem()))
case("only_empty_item", corpus(theorem()))
case("limit_flag_out_of_range", corpus(theorem()))
case("resource_many_elements_one_line", corpus(theorem(**proof('<psatz><add><neg_goal/><hyp name="hx"/>' +
     '<square of="y"/>' * 40000 + '</add></psatz>'))).replace("\n", ""))
case("resource_balanced_sum_one_line", corpus(theorem(**goal(
     "(" + " + ".join("(" + " + ".join(["x"] * 500) + ")" for _ in range(200)) + ") - x*100000 + y^2 &gt;= 0"))).replace("\n", ""))
# run by tests/resource_suite.sh under a small `ulimit -v` with --max-coeff-bits raised: GMP runs out of memory
case("resource_gmp_out_of_memory", corpus(theorem(**goal("x + (((((2^64)^64)^64)^64)^6)*(((((3^64)^64)^64)^64)^6) &gt;= 0"))))
# line ends (XML 1.0 §2.11): a lone CR and CR LF each end one line, so the error is on line 12 in all three
bad_goal = corpus(theorem(**goal("x = = 0")))
case("line_ends_lone_cr", bad_goal.replace("\n", "\r"))
case("line_ends_crlf", bad_goal.replace("\n", "\r\n"))

# ---- issue 11: corpus names that would shadow a name the Lean proofs use, or capture a theorem's name
case("reserved_variable_mul_pos", corpus(theorem(real="    <real>x mul_pos</real>")))
case("reserved_variable_underscore", corpus(theorem(real="    <real>x _</real>")))
case("reserved_hypothesis_absurd", corpus(theorem(hyp='    <hyp name="absurd">x &gt;= 0</hyp>')))
case("reserved_theorem_name_rfl", corpus(theorem(open='  <theorem id="T1" name="rfl" lean="TransformerICL.rfl" section="1">')))
case("reserved_definition_sq_nonneg", corpus(theorem(), defs='  <def name="sq_nonneg" params="a">a^2</def>\n'))
case("reserved_parameter_Finset", corpus(theorem(), defs='  <def name="sq" params="Finset">Finset^2</def>\n'))
case("hypothesis_shadows_variable", corpus(theorem(hyp='    <hyp name="y">x &gt;= 0</hyp>')))
case("sum_index_captures_variable", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
     **goal("x + y^2 + sum(y, d, g(y)^2) &gt;= 0"), witness="    <witness>x = 1; y = 2; d = 1; g = [1]</witness>")))
case("forall_index_reserved_not_le", corpus(theorem(real="    <real>x y</real>\n    <nat>d</nat>\n    <family>g</family>",
     hyp='    <hyp name="hx">x &gt;= 0</hyp>\n    <hyp name="hg" forall="not_le" below="d">g(not_le) &gt;= 0</hyp>',
     witness="    <witness>x = 1; y = 2; d = 1; g = [1]</witness>")))

if __name__ == "__main__":
    for name, data in CASES.items():
        with open(os.path.join(HERE, name + ".xml"), "wb") as f:
            f.write(data)
    print(f"wrote {len(CASES)} files to {HERE}")
