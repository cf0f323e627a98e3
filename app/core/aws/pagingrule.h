#pragma once

#include "awserror.h"

#include <QSet>
#include <QString>

namespace syncdeck::aws {

// The one rule that keeps a paged listing bounded, shared by aws::Paginator (the CLI, the
// reports, the fleet scan) and the window's page-at-a-time loaders: a nextToken the service
// already returned stops the listing (RepeatedNextToken), and so do too many pages in a row
// without items that still carry a token (TooManyEmptyPages). A looping listing would otherwise
// send requests as fast as the service answers and throttle the whole account.
class PagingRule
{
public:
    enum class Verdict {
        Last, // no nextToken: the listing is complete
        GoesOn, // ask for the page at nextToken
        Repeated, // nextToken was already returned: stop with repeatedTokenError()
        TooManyEmpty, // stop with tooManyEmptyPagesError(); nextToken resumes
    };

    // 0: no bound on empty pages.
    void setMaxEmptyPages(int maxEmptyPages);
    int maxEmptyPages() const { return m_maxEmptyPages; }
    // A new listing: forgets every token and page.
    void reset();

    // Records the page asked for with sentToken (empty: the first page) that held itemCount
    // items and returned nextToken, and says whether the listing may go on.
    Verdict observe(const QString &sentToken, int itemCount, const QString &nextToken);
    int emptyPagesInARow() const { return m_emptyPagesInARow; }

    // The errors that stop a listing, with what was received so far.
    static AwsError repeatedTokenError(int pages, qint64 items);
    static AwsError tooManyEmptyPagesError(int emptyPages, int pages, qint64 items);

private:
    QSet<QString> m_seenTokens;
    int m_maxEmptyPages = 0;
    int m_emptyPagesInARow = 0;
};

} // namespace syncdeck::aws
