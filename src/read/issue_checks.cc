#include "read/issue_checks.h"

#include <map>

namespace galley::read {

std::vector<std::string> check_issue(const model::Issue& issue, Diagnostics& diags) {
    std::vector<std::string> bad;
    std::map<std::string, const model::Article*> first;
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            auto [it, inserted] = first.try_emplace(a.id, &a);
            if (!inserted) {
                const SourceLocation& w = it->second->where;
                diags.error("E-ID-DUPLICATE", a.where,
                            "article id '" + a.id + "' is already used by " + w.file + ":" + std::to_string(w.line));
                bad.push_back(a.id);
            }
        }
    }
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            if (a.body.empty()) continue;
            bool print = false, digital = false;
            for (const model::Block& b : a.body) {
                print = print || model::in_print(b.edition);
                digital = digital || model::in_digital(b.edition);
            }
            if (!print)
                diags.warning("W-ARTICLE-EDITION-EMPTY", a.where,
                              "every block of the body is marked edition=\"digital\": the print edition gets the "
                              "head alone");
            if (!digital)
                diags.warning("W-ARTICLE-EDITION-EMPTY", a.where,
                              "every block of the body is marked edition=\"print\": the EPUB gets the head alone");
        }
    }
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            for (const model::RelatedItem& r : a.end.related) {
                if (r.ref.empty() || first.count(r.ref) != 0) continue;
                diags.error("E-REF-UNKNOWN", r.where,
                            "related item refers to article '" + r.ref + "', which is not in this issue");
                bad.push_back(a.id);
            }
        }
    }
    return bad;
}

}  // namespace galley::read
