#include "prover/corpus_writer.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <stdexcept>

namespace icl::prover {

namespace {
struct Edit {
    std::size_t begin, end;  // byte range replaced
    std::string text;
};
}  // namespace

std::string replace_proofs(const std::string& content, const std::map<std::string, std::vector<ProofText>>& proofs,
                           std::vector<std::string>* replaced_ids) {
    pugi::xml_document doc;
    auto ok = doc.load_buffer(content.data(), content.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!ok) throw std::runtime_error(std::string("cannot parse corpus file: ") + ok.description());
    std::vector<Edit> edits;
    for (pugi::xml_node th : doc.document_element().children("theorem")) {
        std::string id = th.attribute("id").value();
        auto it = proofs.find(id);
        if (it == proofs.end()) continue;
        std::vector<pugi::xml_node> pnodes;
        for (pugi::xml_node p : th.children("proof")) pnodes.push_back(p);
        if (pnodes.size() != it->second.size())
            throw std::runtime_error("theorem " + id + ": " + std::to_string(pnodes.size()) + " <proof> elements, " +
                                     std::to_string(it->second.size()) + " goals");
        bool any = false;
        for (std::size_t k = 0; k < pnodes.size(); ++k) {
            if (!it->second[k]) continue;
            std::ptrdiff_t off = pnodes[k].offset_debug();
            if (off < 0 || static_cast<std::size_t>(off) >= content.size())
                throw std::runtime_error("theorem " + id + ": no source offset for <proof>");
            std::size_t lt = content.rfind('<', static_cast<std::size_t>(off));
            if (lt == std::string::npos || content.compare(lt, 6, "<proof") != 0)
                throw std::runtime_error("theorem " + id + ": <proof> not found at its offset");
            std::size_t gt = content.find('>', lt);
            if (gt == std::string::npos) throw std::runtime_error("theorem " + id + ": unterminated <proof>");
            std::size_t line = content.rfind('\n', lt);
            line = line == std::string::npos ? 0 : line + 1;
            std::string indent;
            for (std::size_t i = line; i < lt && (content[i] == ' ' || content[i] == '\t'); ++i)
                indent += content[i];
            std::string text = it->second[k](indent);
            if (content[gt - 1] == '/') {  // <proof/>
                edits.push_back({lt, gt + 1, "<proof>" + text + "</proof>"});
            } else {
                std::size_t close = content.find("</proof>", gt);
                if (close == std::string::npos) throw std::runtime_error("theorem " + id + ": no </proof>");
                edits.push_back({gt + 1, close, text});
            }
            any = true;
        }
        if (any && replaced_ids) replaced_ids->push_back(id);
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
    std::string out = content;
    for (auto& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
    return out;
}

}  // namespace icl::prover
