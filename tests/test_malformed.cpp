// Malformed-input suite (issue 6): runs `icl-kernel [ARGS] check FILE` on every file listed in
// tests/malformed/expected.txt and asserts the exit code, a "FILE:LINE:COL:" message with the expected
// fragment, no signal, no sanitizer report, and an end within the time limit.
// Cases marked status=pending:Fn are known findings (docs/robustness-findings.md); they run in a
// separate [!mayfail] test case so that the suite stays green until they are fixed.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Case {
    std::string file;
    std::set<int> exits;
    std::string where;  // "LINE:COL", "LINE" or "-"
    std::string pending;
    std::string args;   // options before `check` (global limits)
    std::string cargs;  // options after `check` (e.g. --only)
    std::string fragment;
    int line_no = 0;
};

const fs::path kDir = fs::path(ICL_SOURCE_DIR) / "tests" / "malformed";

std::vector<Case> manifest() {
    std::ifstream in(kDir / "expected.txt");
    REQUIRE(in);
    std::vector<Case> out;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        std::istringstream is(line);
        Case c;
        c.line_no = n;
        std::string exits;
        is >> c.file >> exits >> c.where;
        std::stringstream es(exits);
        for (std::string e; std::getline(es, e, '|');) c.exits.insert(std::stoi(e));
        std::string tok;
        while (is >> tok) {
            if (tok.rfind("status=pending:", 0) == 0) c.pending = tok.substr(15);
            else if (tok.rfind("args=", 0) == 0) c.args += " " + tok.substr(5);
            else if (tok.rfind("cargs=", 0) == 0) c.cargs += " " + tok.substr(6);
            else {
                std::string rest;
                std::getline(is, rest);
                c.fragment = tok + rest;
                break;
            }
        }
        out.push_back(c);
    }
    return out;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Run {
    int exit = -1;        // exit code of icl-kernel
    int signal = 0;       // terminating signal, if any
    bool timed_out = false;
    std::string out, err;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

Run run_kernel(const Case& c, int seconds) {
    const fs::path bin = fs::path(ICL_BINARY_DIR) / "icl-kernel";
    const fs::path tmp = fs::path(ICL_BINARY_DIR) / "malformed-out";
    fs::create_directories(tmp);
    const fs::path out = tmp / (c.file + ".out"), err = tmp / (c.file + ".err"), rc = tmp / (c.file + ".rc");
    // `timeout` reports 124 on time-out; a shell reports 128+N when the child dies of signal N.
    std::string cmd = "cd " + quote(kDir.string()) + " && { timeout -s KILL " + std::to_string(seconds) + " " +
                      quote(bin.string()) + c.args + " check " + quote(c.file) + c.cargs + " >" + quote(out.string()) + " 2>" +
                      quote(err.string()) + "; echo $? >" + quote(rc.string()) + "; }";
    int status = std::system(cmd.c_str());
    REQUIRE(status != -1);
    Run r;
    r.out = slurp(out);
    r.err = slurp(err);
    int code = std::atoi(slurp(rc).c_str());
    if (code == 124 || code == 137) r.timed_out = true;
    else if (code > 128) r.signal = code - 128;
    else r.exit = code;
    return r;
}

void check_case(const Case& c, int seconds) {
    INFO("case " << c.file << " (expected.txt line " << c.line_no << ")");
    REQUIRE(fs::exists(kDir / c.file));
    Run r = run_kernel(c, seconds);
    INFO("exit " << r.exit << ", signal " << r.signal << (r.timed_out ? ", TIMED OUT" : ""));
    INFO("stderr: " << r.err.substr(0, 400));
    INFO("stdout: " << r.out.substr(0, 400));
    CHECK_FALSE(r.timed_out);
    CHECK(r.signal == 0);
    CHECK(r.err.find("Sanitizer") == std::string::npos);
    CHECK(r.err.find("runtime error:") == std::string::npos);
    CHECK(c.exits.count(r.exit) == 1);
    // Bad input (exit 2) is reported on stderr; a kernel verdict (exit 1) on stdout.
    const std::string msg = r.exit == 2 ? r.err : r.out + r.err;
    if (c.where != "-") {
        std::string at = c.file + ":" + c.where + ":";
        if (c.where.find(':') != std::string::npos) at += " ";
        CHECK(msg.find(at) != std::string::npos);
    }
    CHECK(msg.find(c.fragment) != std::string::npos);
}

}  // namespace

TEST_CASE("malformed input: every file listed, at least 80 exit-2 cases", "[malformed]") {
    auto cases = manifest();
    std::set<std::string> listed;
    for (const auto& c : cases) {
        INFO(c.file);
        CHECK(listed.insert(c.file).second);  // listed once
        CHECK(!c.exits.empty());
        CHECK(!c.fragment.empty());
    }
    std::set<std::string> on_disk;
    for (const auto& e : fs::directory_iterator(kDir))
        if (e.path().extension() == ".xml") on_disk.insert(e.path().filename().string());
    CHECK(listed == on_disk);
    CHECK(std::count_if(cases.begin(), cases.end(), [](const Case& c) { return c.exits == std::set<int>{2}; }) >= 80);
}

TEST_CASE("malformed input: exit code 2 and FILE:LINE:COL message, no crash", "[malformed]") {
    for (const auto& c : manifest())
        if (c.pending.empty()) check_case(c, 60);
}

TEST_CASE("malformed input: known findings (docs/robustness-findings.md)", "[malformed][!mayfail]") {
    for (const auto& c : manifest())
        if (!c.pending.empty()) {
            INFO("known finding " << c.pending);
            check_case(c, 10);
        }
}

TEST_CASE("limits: lowered kernel limits are clear errors (exit 1, 'limit:' message)", "[malformed][limits]") {
    struct L {
        std::string args, only, fragment;
    };
    const std::vector<L> cases = {
        {"--max-degree=1", "A3", "limit: product would have degree 2 > max-degree 1"},
        {"--max-terms=2", "LD", "limit: sum has 3 terms > max-terms 2"},  // operands left to right, any compiler
        {"--max-depth=3", "LD", "limit: term nesting exceeds max-depth 3"},
    };
    for (const auto& l : cases) {
        const fs::path bin = fs::path(ICL_BINARY_DIR) / "icl-kernel";
        const fs::path out = fs::path(ICL_BINARY_DIR) / "malformed-out" / ("limit" + l.args + ".out");
        fs::create_directories(out.parent_path());
        std::string cmd = "timeout -s KILL 60 " + quote(bin.string()) + " " + l.args + " check --only " + l.only + " >" +
                          quote(out.string()) + " 2>&1";
        int status = std::system(cmd.c_str());
        INFO(l.args << ": " << slurp(out));
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 1);
        CHECK(slurp(out).find(l.fragment) != std::string::npos);
    }
}
