// Untrusted prover: writes found certificates into a corpus XML file. Only the content of the chosen
// <proof> elements changes; every other byte of the file is kept as it was.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace icl::prover {

// Content of one <proof> element given the indentation of the line the element starts on
// (continuation lines are prefixed with it). An empty function keeps that proof as it is.
using ProofText = std::function<std::string(const std::string& indent)>;

// proofs: theorem id -> one ProofText per goal, in order. Returns the new file content. Throws
// std::runtime_error when the file cannot be parsed or a theorem's <proof> count differs.
std::string replace_proofs(const std::string& content, const std::map<std::string, std::vector<ProofText>>& proofs,
                           std::vector<std::string>* replaced_ids = nullptr);

}  // namespace icl::prover
