// Putting articles on pages: modular placement, jumps and hole filling.
//
//   for each section: start a new page if the layout asks
//     for each article in order:
//       try to start it here: the leftmost run of its columns with the
//         highest free top (widened over free columns beside it that no
//         article still to place could use);
//         the headline block and lead figures, then the body, balanced;
//         smaller lead figures when the article does not fit, or when a
//         figure over some of its columns leaves a runt leg under it
//       does not fit in its run, but would across the free columns
//         beside it: it takes them in (rather than jump and leave them)
//       fits: done; its columns' tops move below it plus the space between
//       does not fit, but may jump (the front page; or an article longer
//         than a page with half a page free): fill the columns to the foot
//         with "continued on page N", let later articles of the section
//         fill the holes, then continue on the next page below "continued
//         from page M" (on all columns while it still does not fit)
//       else: later articles of the section that fit whole fill the holes;
//         then it starts here and jumps if a third of the page is still
//         free, else on a new page (also when it would jump only a few
//         lines to a page that would hold nothing else, and fits whole
//         on that page)
//       a jump taken that carries on fewer than six lines of text and
//         only the end matter besides takes the article's last six lines
//         with it: its columns end higher, balanced, the jump line under
//         them
//   leaving a page (or ending a section when the next one starts a new
//     page): if the article placed last on it ended there with room below
//     it and has a lead photograph, it is placed again with the photograph
//     taller (figure.lead-fill), as tall as still lets the whole article
//     fit above the foot; then the house ads fill the holes left
//     at the page's foot (house_ads.h)
//
// Each page keeps its articles as chunks of items, so the page can order
// them for properly nested structure tags (an article jumping out of a
// page is drawn last on it, one jumping in first).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "typeset/compose/area_fill.h"
#include "typeset/compose/article_stream.h"
#include "typeset/compose/head_block.h"

namespace galley::typeset {

/// One article's items on one page.
struct Chunk {
    std::vector<page::Item> items;
    const model::Article* article = nullptr;  ///< whose items they are; none: a house ad
    bool opens = false;      ///< the article goes on to a later page (no TagEnd here)
    bool continues = false;  ///< the article came from an earlier page (no TagBegin here)
};

struct PageDraft {
    int number = 0;       ///< 1-based
    std::string section;  ///< for the running head: the first section on the page
    std::vector<Chunk> chunks;
};

/// Where an article starts: 0-based page index and the top of its head.
struct ArticleStart {
    int page = 0;
    double y = 0;
};

class Paginator {
public:
    explicit Paginator(ComposeContext& ctx);

    /// Places one section's articles (in order; later small ones may fill
    /// holes). Asks for each prepared article only when it needs it.
    void place_section(SectionArticles& articles);
    /// Hands each page over as soon as the next one is begun (nothing is
    /// placed on a page once it is left), instead of keeping it for finish().
    void hand_over(std::function<void(PageDraft&&)> done) { hand_over_ = std::move(done); }
    /// The pages not handed over (all of them without hand_over), at least one.
    std::vector<PageDraft> finish();
    const std::map<const model::Article*, ArticleStart>& starts() const { return starts_; }

private:
    struct Run {
        int first = 0;
        int span = 1;
        double top = 0;
    };
    /// When an article that does not fit may start anyway and jump:
    /// never; only with at least kMinJumpLines lines of text going on;
    /// with fewer only when it could not start whole on the next page
    /// instead (nothing else would come on this page's room, nothing
    /// else of its section is left for the next one); always.
    enum class Jump { never, long_only, short_if_must, any };
    struct Started {
        enum class Outcome { failed, placed, jumped } outcome = Outcome::failed;
        std::size_t resume = 0;
        std::size_t carry = kNoItem;  ///< a figure handed on to the next page
        int span = 1;
    };

    void new_page();
    bool fresh() const { return page_.chunks.empty(); }
    /// Whether the article, started at the top of the page after this
    /// one, would fit there whole (this page stays as it is).
    bool fits_on_next_page(PreparedArticle& a);
    /// The run an article of `span` columns starts in: the leftmost with
    /// the highest free top, widened over free columns beside it narrower
    /// than `others` (the narrowest article still to place) or than two.
    Run choose_run(int span, int others) const;
    /// The article's head and first columns laid out at `run`.
    struct Opening {
        std::vector<std::pair<const HeadPiece*, double>> pieces;  ///< with their tops
        std::vector<ColumnSpace> cols;
        double head_foot = 0;
        AreaResult area;
        bool fits_head = false;  ///< room for the head and a few lines
        FigureFit fit;
    };
    /// The article placed last on the page, whole, with a lead figure. Its
    /// body is drawn into its chunk (which takes the text out of the
    /// article's stream) only when something else comes on the page or the
    /// page is left, so that grow_last() can still place it again.
    struct LastPlaced {
        PreparedArticle* article = nullptr;
        Run run;
        FigureFit fit;
        double head_foot = 0;
        std::vector<double> tops;       ///< the page's column tops before it
        std::string section;            ///< the page's section before it
        std::size_t chunk = 0;          ///< its chunk's index on the page
        std::size_t body_at = 0;        ///< where in the chunk its body goes
        AreaResult area;                ///< its body, not drawn yet
        std::vector<ColumnSpace> cols;
        std::vector<Diagnostic> notes;  ///< its head pieces' notes, reported
    };
    Opening open_at(PreparedArticle& a, const Run& run, FigureFit fit);
    /// The lead figure fits an article tries at `run`, in order: as the
    /// layout has it, then smaller (over fewer columns; then lower).
    std::vector<FigureFit> figure_fits(const PreparedArticle& a, const Run& run) const;
    Started try_start(PreparedArticle& a, Jump policy, int others);
    void continue_article(PreparedArticle& a, std::size_t from, std::size_t carry, int span);
    void fill_holes(SectionArticles& articles, std::vector<bool>& placed, std::size_t from);
    /// The narrowest span among the section's articles not placed yet
    /// (other than `except`); very large when none could share the page.
    int narrowest_left(const SectionArticles& articles, const std::vector<bool>& placed, std::size_t except) const;
    /// The head pieces of an article `span` columns wide: its text, then
    /// its lead figures fitted by `fit` (each set once, then kept).
    std::vector<const HeadPiece*> head(PreparedArticle& a, int span, FigureFit fit);
    /// Drops the head pieces kept for `article`: once it is on the page
    /// (drawn copies them), it never opens again.
    void forget_head(const model::Article* article);
    /// Columns [first, first + span) of the page, in reading order: from
    /// the right when `rtl`.
    std::vector<ColumnSpace> columns(int first, int span, double top, bool rtl) const;
    /// The article's body from item `from` (after `carry`, a figure the
    /// page before handed on) in `cols`; with `may_carry`, the last column
    /// may hand a figure on to the next page (the article jumps there).
    /// With `must_progress`, a fresh page takes the first item even where
    /// it does not fit (it would be handed on for ever).
    /// Items from `stop` on are left for the next page.
    AreaResult fill(const PreparedArticle& a, std::size_t from, const std::vector<ColumnSpace>& cols, bool balance,
                    bool must_progress, std::size_t carry = kNoItem, bool may_carry = false,
                    std::size_t stop = kNoItem);
    /// An article jumping from this page (`area`, filled from `from` to the
    /// foot of `cols`) with fewer than kMinJumpLines lines of text going on
    /// and nothing else but its end matter takes its last lines with it:
    /// its columns here end at the break before them, balanced, and the
    /// jump line (`jump_column`) moves up under the column the text ends in.
    void lengthen_jump(const PreparedArticle& a, std::size_t from, std::size_t carry, std::vector<ColumnSpace>& cols,
                       std::size_t& jump_column, AreaResult& area, bool must_progress);
    /// A jump line ("Continued on page N", "Continued from page N") set
    /// in the kicker style, no larger than body text.
    struct JumpLine {
        SetParagraph text;
        double size = 0;
        double leading = 0;
        double height = 0;
    };
    JumpLine jump_line(const std::string& text, double width, layout::Alignment align);
    /// "Continued on page N" for the foot of a column, flush with the end
    /// of the article's lines (the left when it reads right to left).
    JumpLine jump_to(int page, bool rtl);
    /// The top of the jump line to the next page in column `column` of an
    /// area that goes on: at the column's foot, or right under its text
    /// where all of the text stands in the area (a float handed on).
    double jump_top(const PreparedArticle& a, const AreaResult& area, const std::vector<ColumnSpace>& cols,
                    std::size_t column) const;
    /// Its items with the top of its first line at `top`, as an artifact.
    std::vector<page::Item> draw_jump(const JumpLine& j, double x, double top) const;
    /// Moves the placed area onto the page as a chunk and updates the tops.
    void commit(Chunk chunk, const Run& run, double foot, bool opens, const std::string& section);
    void begin_article(Chunk& chunk, const PreparedArticle& a, const Run& run);
    /// The filled area's items (and gutter rules, when the layout has them).
    void append_area(Chunk& chunk, PreparedArticle& a, const AreaResult& area, const std::vector<ColumnSpace>& cols);
    /// Puts an opening on the page: head pieces, text, the jump line when
    /// it `opens` (goes on to the next page).
    void place_opening(PreparedArticle& a, const Run& run, Opening& o, bool opens, const JumpLine& jump,
                       std::size_t jump_column);
    /// Before the page is left: the last article placed on it, when it
    /// ended there with room below it, placed again with a taller lead
    /// photograph (figure.lead-fill).
    void grow_last();
    /// Draws the body of the article placed last into its chunk.
    void settle_last();
    /// Before the page is left, after grow_last(): the unused
    /// house ads in the holes at its foot (house_ads.h).
    void place_house_ads();

    ComposeContext& ctx_;
    struct PageState {
        int number = 0;
        PageFrame frame;
        double content_top = 0;
        std::vector<double> tops;
        std::vector<Chunk> chunks;
        std::string section;
    };
    /// Page `number` with nothing on it yet.
    PageState blank_page(int number) const;
    PageState page_;
    std::vector<PageDraft> done_;
    std::function<void(PageDraft&&)> hand_over_;
    std::map<std::pair<const model::Article*, int>, HeadBlock> head_texts_;
    /// Articles whose head text a fresh page could not hold above three
    /// lines of text and their jump line: the depth it is kept within
    /// (build_head_text's max_depth).
    std::map<const model::Article*, double> head_caps_;
    std::map<std::tuple<const model::Article*, int, FigureFit>, HeadBlock> head_figures_;
    std::map<const model::Article*, ArticleStart> starts_;
    std::optional<LastPlaced> last_;
    std::vector<int> ad_prints_;  ///< per house ad of the issue: times printed so far
};

}  // namespace galley::typeset
