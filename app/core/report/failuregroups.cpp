#include "failuregroups.h"

#include <QRegularExpression>

#include <algorithm>

namespace syncdeck::report {

namespace {

constexpr char16_t QuotedMarker = u'\uE001';

QString groupKey(DocumentStatus status, const QString &reason)
{
    return QString(QChar(u'0' + int(status))) + reason;
}

bool isOpening(QChar c)
{
    return c == u'(' || c == u'[' || c == u'{' || c == u'<';
}

bool isClosing(QChar c)
{
    return c == u')' || c == u']' || c == u'}' || c == u'>' || c == u',' || c == u';' || c == u':'
        || c == u'.' || c == u'!' || c == u'?';
}

// What one white-space separated token (without surrounding punctuation) collapses to, or an
// empty string when it stays as it is.
QString placeholderFor(const QString &token)
{
    static const QRegularExpression email(QStringLiteral(R"(^[\w.+\-]+@[\w\-]+(\.[\w\-]+)+$)"));
    static const QRegularExpression uuid(QStringLiteral(
        R"(^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$)"));
    static const QRegularExpression file(
        QStringLiteral(R"(^[^.\s][^\s]*\.[A-Za-z][A-Za-z0-9]{0,4}$)"));
    static const QRegularExpression hexId(QStringLiteral(R"(^[0-9A-Fa-f]{16,}$)"));
    // A word and a number ("report-12345", "user42"): the number goes, whatever its length.
    static const QRegularExpression wordNumber(QStringLiteral(R"(^([A-Za-z][A-Za-z_\-]*)(\d+)$)"));
    static const QRegularExpression mixedId(
        QStringLiteral(R"(^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_\-=+]{12,}$)"));
    static const QRegularExpression number(QStringLiteral(R"(^[+\-]?\d+(?:[.,]\d+)*$)"));
    if (token.contains(QLatin1StringView("://")))
        return QStringLiteral("<url>");
    if (email.match(token).hasMatch())
        return QStringLiteral("<email>");
    if (uuid.match(token).hasMatch())
        return QStringLiteral("<id>");
    // Markup is text, not a path ("<b>x</b>"): only tokens without angle brackets are paths.
    if (token.size() > 1 && (token.contains(u'/') || token.contains(u'\\')) && !token.contains(u'<')
        && !token.contains(u'>'))
        return QStringLiteral("<path>");
    if (number.match(token).hasMatch())
        return QStringLiteral("<n>");
    if (file.match(token).hasMatch())
        return QStringLiteral("<file>");
    if (hexId.match(token).hasMatch())
        return QStringLiteral("<id>");
    if (const QRegularExpressionMatch m = wordNumber.match(token); m.hasMatch())
        return m.captured(1) + QStringLiteral("<n>");
    if (mixedId.match(token).hasMatch())
        return QStringLiteral("<id>");
    return {};
}

} // namespace

QString normalizeErrorMessage(const QString &message)
{
    // Quoted text first (it may hold spaces): "..." always, '...' only where the quote opens
    // a word, so an apostrophe ("don't") is not a quote.
    static const QRegularExpression quoted(QStringLiteral(R"("[^"]*"|(?<![\w])'[^']*'(?![\w]))"));
    static const QRegularExpression digits(QStringLiteral(R"(\d+(?:[.,]\d+)*)"));
    QString text = message.simplified();
    text.replace(quoted, QString(QChar(QuotedMarker)));
    QStringList tokens = text.split(u' ', Qt::SkipEmptyParts);
    for (QString &token : tokens) {
        qsizetype begin = 0;
        qsizetype end = token.size();
        while (begin < end && isOpening(token.at(begin)))
            ++begin;
        while (end > begin && isClosing(token.at(end - 1)))
            --end;
        const QString core = token.mid(begin, end - begin);
        if (core.isEmpty() || core.contains(QChar(QuotedMarker)))
            continue;
        QString replacement = placeholderFor(core);
        if (replacement.isEmpty()) {
            if (!core.contains(digits))
                continue;
            // Digits inside a word ("50MB", "HTTP404", "attempt#3"): only the number goes.
            replacement = core;
            replacement.replace(digits, QStringLiteral("<n>"));
        }
        token = token.left(begin) + replacement + token.mid(end);
    }
    text = tokens.join(u' ');
    text.replace(QChar(QuotedMarker), QStringLiteral("<text>"));
    return text;
}

QString reasonPattern(const QString &reason)
{
    static const QRegularExpression placeholder(
        QStringLiteral("<(?:url|text|email|id|path|file|n)>"));
    QString pattern = QStringLiteral("^\\s*");
    qsizetype last = 0;
    auto it = placeholder.globalMatch(reason);
    const auto literal = [&pattern](QStringView text) {
        for (const QChar c : text) {
            if (c == u' ') {
                pattern += QStringLiteral("\\s+");
            } else {
                if (QStringLiteral("\\^$.|?*+()[]{}").contains(c))
                    pattern += u'\\';
                pattern += c;
            }
        }
    };
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        literal(QStringView(reason).mid(last, m.capturedStart() - last));
        pattern += m.captured() == QLatin1String("<n>") ? QStringLiteral("[-+]?\\d[\\d.,]*")
                                                        : QStringLiteral(".+?");
        last = m.capturedEnd();
    }
    literal(QStringView(reason).mid(last));
    pattern += QStringLiteral("\\s*$");
    return pattern;
}

int FailureGroups::add(const ReportEvent &event)
{
    const QString document = event.documentId.isEmpty() ? event.documentTitle : event.documentId;
    return add(event.status, event.errorMessage, document, event.timestamp);
}

QString FailureGroups::reasonOf(const QString &errorText)
{
    return errorText.isEmpty() ? noMessage() : normalizeErrorMessage(errorText);
}

int FailureGroups::add(DocumentStatus status, const QString &errorText, const QString &document,
                       qint64 timestamp)
{
    if (status != DocumentStatus::Failed && status != DocumentStatus::Skipped)
        return -1;
    auto cached = m_normalized.constFind(errorText);
    if (cached == m_normalized.constEnd()) {
        if (m_normalized.size() >= MaxGroups)
            m_normalized.clear(); // a cache only: bounded
        cached = m_normalized.insert(errorText, reasonOf(errorText));
    }
    return addNormalized(status, *cached, errorText, document, timestamp);
}

int FailureGroups::addNormalized(DocumentStatus status, const QString &reasonIn,
                                 const QString &errorText, const QString &document,
                                 qint64 timestamp)
{
    if (status != DocumentStatus::Failed && status != DocumentStatus::Skipped)
        return -1;
    QString reason = reasonIn;
    QString key = groupKey(status, reason);
    auto found = m_index.constFind(key);
    if (found == m_index.constEnd() && m_groups.size() >= MaxGroups) {
        reason = otherReasons();
        key = groupKey(status, reason);
        found = m_index.constFind(key);
    }
    int index = 0;
    if (found == m_index.constEnd()) {
        FailureGroup g;
        g.status = status;
        g.reason = reason;
        g.exampleMessage = errorText;
        g.firstSeen = timestamp;
        g.lastSeen = timestamp;
        index = int(m_groups.size());
        m_groups.append(g);
        m_index.insert(key, index);
    } else {
        index = *found;
    }
    FailureGroup &g = m_groups[index];
    ++g.count;
    g.firstSeen = std::min(g.firstSeen, timestamp);
    g.lastSeen = std::max(g.lastSeen, timestamp);
    if (g.exampleDocuments.size() < MaxExamples && !document.isEmpty()
        && !g.exampleDocuments.contains(document))
        g.exampleDocuments.append(document);
    return index;
}

void FailureGroups::clear()
{
    m_groups.clear();
    m_index.clear();
    m_normalized.clear();
}

QList<int> FailureGroups::byCount() const
{
    QList<int> order(m_groups.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_groups[a].count > m_groups[b].count; });
    return order;
}

int FailureGroups::indexOf(DocumentStatus status, const QString &reason) const
{
    return m_index.value(groupKey(status, reason), -1);
}

qint64 FailureGroups::documents(DocumentStatus status) const
{
    qint64 n = 0;
    for (const FailureGroup &g : m_groups) {
        if (g.status == status)
            n += g.count;
    }
    return n;
}

} // namespace syncdeck::report
