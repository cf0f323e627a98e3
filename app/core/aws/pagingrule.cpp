#include "pagingrule.h"

#include <algorithm>

namespace syncdeck::aws {

void PagingRule::setMaxEmptyPages(int maxEmptyPages)
{
    m_maxEmptyPages = std::max(0, maxEmptyPages);
}

void PagingRule::reset()
{
    m_seenTokens.clear();
    m_emptyPagesInARow = 0;
}

PagingRule::Verdict PagingRule::observe(const QString &sentToken, int itemCount,
                                        const QString &nextToken)
{
    if (!sentToken.isEmpty())
        m_seenTokens.insert(sentToken);
    m_emptyPagesInARow = itemCount > 0 ? 0 : m_emptyPagesInARow + 1;
    if (nextToken.isEmpty())
        return Verdict::Last;
    if (m_seenTokens.contains(nextToken))
        return Verdict::Repeated;
    if (m_maxEmptyPages > 0 && m_emptyPagesInARow >= m_maxEmptyPages)
        return Verdict::TooManyEmpty;
    return Verdict::GoesOn;
}

AwsError PagingRule::repeatedTokenError(int pages, qint64 items)
{
    return AwsError::make(
        AwsError::Kind::Client, QStringLiteral("RepeatedNextToken"),
        QStringLiteral("the service returned a nextToken it had already returned (after %1 "
                       "pages, %2 items); stopping instead of listing the same items again")
            .arg(pages)
            .arg(items),
        QStringLiteral("Report this to the service owner; the items listed so far are complete "
                       "up to this page."));
}

AwsError PagingRule::tooManyEmptyPagesError(int emptyPages, int pages, qint64 items)
{
    return AwsError::make(
        AwsError::Kind::Client, QStringLiteral("TooManyEmptyPages"),
        QStringLiteral("the service answered %1 pages in a row without items (after %2 pages, "
                       "%3 items); stopped so that the listing stays bounded")
            .arg(emptyPages)
            .arg(pages)
            .arg(items),
        QStringLiteral("Narrow the time range, or resume with the starting token to search on."));
}

} // namespace syncdeck::aws
