#include "documentreportmodel.h"

#include "logs/jsonspans.h"
#include "reportreader.h"

#include <QDateTime>

#include <algorithm>
#include <array>

namespace syncdeck::report {

namespace jsonspans = logs::jsonspans;

namespace {

// Message storage grows by this much (the unused rest of the last chunk is the waste).
constexpr qsizetype ChunkBytes = 256 * 1024;

// A cut that does not split a UTF-8 sequence.
qsizetype utf8Boundary(const QByteArray &bytes, qsizetype at)
{
    at = std::min(at, bytes.size());
    while (at > 0 && at < bytes.size() && (quint8(bytes.at(at)) & 0xC0) == 0x80)
        --at;
    return at;
}

bool containsText(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

} // namespace

DocumentReportModel::DocumentReportModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

DocumentReportModel::~DocumentReportModel() = default;

void DocumentReportModel::setReader(ReportReader *reader)
{
    if (m_reader)
        m_reader->disconnect(this);
    clear();
    m_reader = reader;
    if (!reader)
        return;
    connect(reader, &ReportReader::eventsRead, this, &DocumentReportModel::appendEvents);
    connect(reader, &ReportReader::outcomeChanged, this, &DocumentReportModel::onOutcome);
    connect(reader, &ReportReader::finished, this, [this] { emit loadingChanged(false); });
    m_outcome = reader->outcome();
    emit loadingChanged(isLoading());
}

ReportReader *DocumentReportModel::reader() const
{
    return m_reader;
}

bool DocumentReportModel::isLoading() const
{
    return m_reader && !m_reader->isFinished();
}

void DocumentReportModel::onOutcome(const ReportOutcome &outcome)
{
    m_outcome = outcome;
    emit outcomeChanged(outcome);
}

void DocumentReportModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_visible.clear();
    m_visible.shrink_to_fit();
    m_exposed = 0;
    m_exposeTarget = BatchSize;
    m_chunks.clear();
    m_textBytes = 0;
    m_texts.clear();
    m_textIndex.clear();
    m_reasonOfText.clear();
    m_counts = {};
    m_groups.clear();
    m_outcome = {};
    endResetModel();
    emit countsChanged();
}

quint32 DocumentReportModel::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const auto it = m_textIndex.constFind(text);
    if (it != m_textIndex.constEnd())
        return *it;
    m_texts.append(text);
    m_textBytes += text.size() * 2;
    const auto ref = quint32(m_texts.size());
    m_textIndex.insert(text, ref);
    return ref;
}

void DocumentReportModel::appendEvents(const QList<ReportEvent> &events)
{
    if (events.isEmpty())
        return;
    for (const ReportEvent &e : events) {
        store(e);
        if (matches(m_rows.back()))
            m_visible.push_back(quint32(m_rows.size() - 1));
    }
    exposeUpTo(m_exposeTarget);
    emit countsChanged();
}

void DocumentReportModel::store(const ReportEvent &e)
{
    Row r;
    r.timestamp = e.timestamp;
    r.ingestionTime = e.ingestionTime;
    r.status = quint8(e.status);
    r.kind = quint8(e.kind);
    r.flags = (e.hasProblems() ? Problems : 0) | (e.statusDerived ? StatusDerived : 0);

    QByteArray message = e.message.toUtf8();
    r.fullBytes = quint32(std::min<qint64>(message.size(), std::numeric_limits<quint32>::max()));
    if (message.size() > MaxParsedMessageBytes) {
        message.truncate(utf8Boundary(message, KeptPrefixBytes));
        r.flags |= Truncated;
    }
    QByteArray eventId = e.eventId.toUtf8();
    eventId.truncate(std::numeric_limits<quint16>::max());
    r.messageBytes = quint32(message.size());
    r.eventIdLength = quint16(eventId.size());

    // Id, title and URI are read straight from the message where it holds them as plain
    // string members; anything else (a number, a membership's names, a truncated message) is
    // kept after it. One pass finds them all: DocumentId, memberName, DocumentTitle,
    // groupName, SourceUri, SourceURI.
    std::array<jsonspans::Span, 6> found;
    if (!(r.flags & Truncated))
        jsonspans::findEach(message,
                            {QLatin1StringView("DocumentId"), QLatin1StringView("memberName"),
                             QLatin1StringView("DocumentTitle"), QLatin1StringView("groupName"),
                             QLatin1StringView("SourceUri"), QLatin1StringView("SourceURI")},
                            found.data());
    QByteArray extras;
    const qsizetype base = message.size() + eventId.size();
    const auto spanFor = [&](int firstKey, const QString &value, quint8 escapedFlag) -> Span {
        if (value.isEmpty())
            return {};
        for (const jsonspans::Span &s : {found[firstKey], found[firstKey + 1]}) {
            if (s.found()
                && jsonspans::decode(QByteArrayView(message).sliced(s.offset, s.length), s.escaped)
                    == value) {
                if (s.escaped)
                    r.flags |= escapedFlag;
                return {quint32(s.offset), quint32(s.length)};
            }
        }
        const QByteArray bytes = value.toUtf8();
        const Span span {quint32(base + extras.size()), quint32(bytes.size())};
        extras += bytes;
        return span;
    };
    const bool membership = e.kind == EventKind::GroupMembership;
    r.id = spanFor(0, membership ? e.membership.memberName : e.documentId, IdEscaped);
    r.title = spanFor(2, membership ? e.membership.groupName : e.documentTitle, TitleEscaped);
    r.uri = spanFor(4, e.sourceUri, UriEscaped);

    r.error = intern(e.isUnreadable() ? e.problems.value(0) : e.errorMessage);
    r.stream = intern(e.logStreamName);
    r.crawlAction = intern(e.crawlAction);
    r.stages[0] = intern(e.crawlStatus.status);
    r.stages[1] = intern(e.syncStatus.status);
    r.stages[2] = intern(e.indexStatus.status);
    r.statusWire = intern(e.statusWire);
    r.errorCode = intern(e.errorCode);

    const qsizetype size = base + extras.size();
    if (m_chunks.isEmpty() || m_chunks.last().size() + size > m_chunks.last().capacity()) {
        QByteArray chunk;
        chunk.reserve(std::max(ChunkBytes, size));
        m_chunks.append(chunk);
    }
    QByteArray &chunk = m_chunks.last();
    r.chunk = quint32(m_chunks.size() - 1);
    r.offset = quint32(chunk.size());
    chunk += message;
    chunk += eventId;
    chunk += extras;
    m_textBytes += base;

    if (!e.isUnreadable()
        && (e.status == DocumentStatus::Failed || e.status == DocumentStatus::Skipped)) {
        const quint64 key = (quint64(e.status) << 32) | r.error;
        auto reason = m_reasonOfText.constFind(key);
        if (reason == m_reasonOfText.constEnd())
            reason = m_reasonOfText.insert(key, intern(FailureGroups::reasonOf(e.errorMessage)));
        const QString document = e.documentId.isEmpty() ? e.documentTitle : e.documentId;
        r.group = m_groups.addNormalized(e.status, text(*reason), e.errorMessage, document,
                                         e.timestamp);
    }
    m_counts.add(e);
    m_rows.push_back(r);
}

QByteArrayView DocumentReportModel::recordOf(const Row &row) const
{
    const QByteArray &chunk = m_chunks.at(row.chunk);
    return QByteArrayView(chunk.constData() + row.offset, chunk.size() - row.offset);
}

QString DocumentReportModel::spanText(const Row &row, const Span &span, quint8 escapedFlag) const
{
    if (span.length == 0)
        return {};
    return jsonspans::decode(recordOf(row).sliced(span.offset, span.length),
                             (row.flags & escapedFlag) != 0);
}

bool DocumentReportModel::matches(const Row &row) const
{
    const bool problems = (row.flags & Problems) || row.kind == quint8(EventKind::Unreadable);
    if (m_view.onlyProblems && !problems)
        return false;
    if (!m_view.statuses.isEmpty() && !m_view.statuses.contains(DocumentStatus(row.status)))
        return false;
    if (!m_view.reason.isEmpty()) {
        if (row.group < 0)
            return false;
        const FailureGroup &g = m_groups.groups().at(row.group);
        if (g.status != m_view.reasonStatus || g.reason != m_view.reason)
            return false;
    }
    if (!m_view.search.isEmpty()) {
        const QString &s = m_view.search;
        return containsText(spanText(row, row.id, IdEscaped), s)
            || containsText(spanText(row, row.title, TitleEscaped), s)
            || containsText(spanText(row, row.uri, UriEscaped), s)
            || containsText(text(row.error), s);
    }
    return true;
}

void DocumentReportModel::setView(const ReportView &view)
{
    if (view == m_view)
        return;
    beginResetModel();
    m_view = view;
    m_view.search = m_view.search.trimmed();
    rebuildVisible();
    m_exposeTarget = BatchSize;
    m_exposed = std::min<qsizetype>(m_exposeTarget, m_visible.size());
    endResetModel();
}

void DocumentReportModel::rebuildVisible()
{
    m_visible.clear();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (matches(m_rows[i]))
            m_visible.push_back(quint32(i));
    }
}

// Views (and QAbstractItemModelTester) may call fetchMore() from inside rowsInserted: such a
// call only raises the target, and this loop exposes the rest after the current insertion.
void DocumentReportModel::exposeUpTo(qsizetype target)
{
    m_exposeTarget = std::max(m_exposeTarget, target);
    if (m_inserting)
        return;
    for (;;) {
        const qsizetype next = std::min<qsizetype>(m_exposeTarget, m_visible.size());
        if (next <= m_exposed)
            return;
        m_inserting = true;
        beginInsertRows({}, int(m_exposed), int(next - 1));
        m_exposed = next;
        endInsertRows();
        m_inserting = false;
    }
}

bool DocumentReportModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_exposed < qsizetype(m_visible.size());
}

void DocumentReportModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    exposeUpTo(m_exposed + BatchSize);
}

int DocumentReportModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exposed);
}

int DocumentReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

ReportEvent DocumentReportModel::rebuild(const Row &row) const
{
    const QByteArrayView record = recordOf(row);
    logs::LogEvent envelope;
    envelope.logStreamName = text(row.stream);
    envelope.timestamp = row.timestamp;
    envelope.ingestionTime = row.ingestionTime;
    envelope.eventId = QString::fromUtf8(record.sliced(row.messageBytes, row.eventIdLength));
    const QByteArray message = record.first(row.messageBytes).toByteArray();
    if (!(row.flags & Truncated))
        return parseReportEvent(envelope, message);
    ReportEvent e;
    e.kind = EventKind::Unreadable;
    e.logStreamName = envelope.logStreamName;
    e.timestamp = envelope.timestamp;
    e.ingestionTime = envelope.ingestionTime;
    e.eventId = envelope.eventId;
    e.message = QString::fromUtf8(message);
    e.messageBytes = row.fullBytes;
    e.problems = {text(row.error),
                  tr("only the first %1 bytes of the message are kept; read the event in "
                     "CloudWatch Logs (event id %2) for all of it")
                      .arg(row.messageBytes)
                      .arg(envelope.eventId)};
    return e;
}

ReportEvent DocumentReportModel::event(int row) const
{
    if (row < 0 || row >= m_exposed)
        return {};
    return rebuild(m_rows[m_visible[row]]);
}

ReportEvent DocumentReportModel::matchingEvent(int index) const
{
    if (index < 0 || index >= int(m_visible.size()))
        return {};
    return rebuild(m_rows[m_visible[index]]);
}

QString DocumentReportModel::reasonOfMatching(int index) const
{
    if (index < 0 || index >= int(m_visible.size()))
        return {};
    const Row &r = m_rows[m_visible[index]];
    return r.group < 0 ? QString() : m_groups.groups().at(r.group).reason;
}

QString DocumentReportModel::reasonOf(int row) const
{
    return row < 0 || row >= m_exposed ? QString() : reasonOfMatching(row);
}

QVariant DocumentReportModel::display(const Row &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.timestamp)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case StatusColumn:
        if (row.kind == quint8(EventKind::Unreadable))
            return tr("Unreadable");
        if (row.kind == quint8(EventKind::GroupMembership))
            return tr("Membership");
        return documentStatusText(DocumentStatus(row.status));
    case DocumentColumn:
        return spanText(row, row.id, IdEscaped);
    case TitleColumn:
        return spanText(row, row.title, TitleEscaped);
    case SourceUriColumn:
        return spanText(row, row.uri, UriEscaped);
    case CrawlActionColumn:
        return text(row.crawlAction);
    case CrawlStageColumn:
    case SyncStageColumn:
    case IndexStageColumn:
        return text(row.stages[column - CrawlStageColumn]);
    case ErrorColumn:
        return text(row.error);
    case ReasonColumn:
        return row.group < 0 ? QString() : m_groups.groups().at(row.group).reason;
    case StreamColumn:
        return text(row.stream);
    default:
        return {};
    }
}

QVariant DocumentReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[m_visible[index.row()]];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == ErrorColumn ? QVariant(text(row.error)) : QVariant();
    case StatusRole:
        return int(row.status);
    case KindRole:
        return int(row.kind);
    case TimestampRole:
        return row.timestamp;
    case EventIdRole:
        return QString::fromUtf8(recordOf(row).sliced(row.messageBytes, row.eventIdLength));
    case RawMessageRole:
        return QString::fromUtf8(recordOf(row).first(row.messageBytes));
    case GroupRole:
        return row.group;
    case HasProblemsRole:
        return (row.flags & Problems) != 0 || row.kind == quint8(EventKind::Unreadable);
    case SourceUriRole:
        return spanText(row, row.uri, UriEscaped);
    default:
        return {};
    }
}

QVariant DocumentReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case StatusColumn:
        return tr("Status");
    case DocumentColumn:
        return tr("Document");
    case TitleColumn:
        return tr("Title");
    case SourceUriColumn:
        return tr("Source URI");
    case CrawlActionColumn:
        return tr("Action");
    case CrawlStageColumn:
        return tr("Crawl");
    case SyncStageColumn:
        return tr("Sync");
    case IndexStageColumn:
        return tr("Index");
    case ErrorColumn:
        return tr("Error");
    case ReasonColumn:
        return tr("Reason");
    case StreamColumn:
        return tr("Log stream");
    default:
        return {};
    }
}

qint64 DocumentReportModel::bytesUsed() const
{
    qint64 bytes = sizeof(*this);
    bytes += m_rows.bytes();
    bytes += qint64(m_visible.capacity() * sizeof(quint32));
    for (const QByteArray &chunk : m_chunks)
        bytes += chunk.capacity();
    // Interned texts: the characters, the list slot and the hash node (key, value, span).
    for (const QString &t : m_texts)
        bytes += t.capacity() * 2 + 16 + 8 + 48;
    bytes += m_reasonOfText.size() * 32;
    for (const FailureGroup &g : m_groups.groups()) {
        bytes += sizeof(FailureGroup) + (g.reason.capacity() + g.exampleMessage.capacity()) * 2
            + 64; // the group index entry
        for (const QString &d : g.exampleDocuments)
            bytes += d.capacity() * 2 + 16;
    }
    return bytes;
}

} // namespace syncdeck::report
