#pragma once

#include "failuregroups.h"
#include "reportcounts.h"
#include "reportevent.h"
#include "reportoutcome.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

namespace syncdeck::report {

class ReportReader;

// What the Documents view shows of a report: statuses, one failure reason, a search text.
struct ReportView
{
    QList<DocumentStatus> statuses; // empty: every status
    bool onlyProblems = false; // only unreadable events and events with problems
    // A failure group (FailureGroup::status and ::reason); an empty reason: every reason.
    DocumentStatus reasonStatus = DocumentStatus::Failed;
    QString reason;
    QString search; // case-insensitive, in the document id, title, source URI and error text

    bool isFiltered() const
    {
        return !statuses.isEmpty() || onlyProblems || !reason.isEmpty() || !search.isEmpty();
    }
    friend bool operator==(const ReportView &, const ReportView &) = default;
};

// The events of one run's report (QtCore only; presentation lives in ui/), filled by a
// ReportReader page by page, with the headline counts and the failure groups kept current.
//
// Lazy in both directions: events are stored compactly as they arrive (each message once, in
// UTF-8, with the id, title and URI read straight from it; repeated texts such as error
// messages, stages and stream names interned: about 100 bytes per event besides the message),
// and rows matching the view are exposed to views in batches (fetchMore), the first batch as
// soon as it arrives, so the first failures show while the rest is still being read.
// Filtering happens here, over every stored event, not in a proxy that would see only the
// exposed rows. event() rebuilds the full ReportEvent (raw message, ACL, metadata, unknown
// members) on demand.
class DocumentReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        StatusColumn,
        DocumentColumn, // DocumentId
        TitleColumn,
        SourceUriColumn,
        CrawlActionColumn,
        CrawlStageColumn,
        SyncStageColumn,
        IndexStageColumn,
        ErrorColumn, // ErrorMsg, or for an unreadable event what is wrong with it
        ReasonColumn, // the failure group's normalized reason
        StreamColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        StatusRole = Qt::UserRole + 1, // DocumentStatus as int
        KindRole, // EventKind as int
        TimestampRole, // ms since the epoch (qint64)
        EventIdRole,
        RawMessageRole, // the message as written (for an oversized one, its first part)
        GroupRole, // index into failureGroups().groups(), or -1
        HasProblemsRole, // bool: unreadable, or members of the wrong type
        SourceUriRole, // the URI to open (plain text; the view decides how)
    };

    static constexpr int BatchSize = 500;
    // Of a message larger than MaxParsedMessageBytes, the first this many bytes are kept.
    static constexpr qsizetype KeptPrefixBytes = 4096;

    explicit DocumentReportModel(QObject *parent = nullptr);
    ~DocumentReportModel() override;

    // Rows come from `reader` from now on (nullptr: none); every row is dropped first, and
    // events of an earlier reader are ignored.
    void setReader(ReportReader *reader);
    ReportReader *reader() const;
    void clear();
    // Stores events (in order); the rows of those that match the view are exposed up to the
    // current batch. Public for callers that read events some other way.
    void appendEvents(const QList<syncdeck::report::ReportEvent> &events);

    void setView(const ReportView &view);
    const ReportView &view() const { return m_view; }

    const ReportCounts &counts() const { return m_counts; }
    const FailureGroups &failureGroups() const { return m_groups; }
    const ReportOutcome &outcome() const { return m_outcome; }
    bool isLoading() const;

    qint64 storedEvents() const { return qint64(m_rows.size()); }
    int matchingCount() const { return int(m_visible.size()); } // rows of the view, exposed or not
    ReportEvent event(int row) const; // row of the model (exposed)
    ReportEvent matchingEvent(int index) const; // index < matchingCount()
    QString reasonOfMatching(int index) const;
    QString reasonOf(int row) const;

    // Memory of the model itself, for the budget: everything it allocated, and of that the
    // text held once (the messages and event ids, and each distinct interned text).
    qint64 bytesUsed() const;
    qint64 textBytes() const { return m_textBytes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void countsChanged(); // counts and failure groups
    void outcomeChanged(const syncdeck::report::ReportOutcome &outcome);
    void loadingChanged(bool loading);

private:
    struct Span
    {
        quint32 offset = 0; // from the record's start
        quint32 length = 0;
    };
    enum Flag : quint8 {
        IdEscaped = 1,
        TitleEscaped = 2,
        UriEscaped = 4,
        Truncated = 8, // only a prefix of an oversized message is kept
        Problems = 16,
        StatusDerived = 32,
    };
    struct Row
    {
        qint64 timestamp = 0;
        qint64 ingestionTime = 0;
        quint32 chunk = 0;
        quint32 offset = 0; // record = message bytes, then the event id, then extras
        quint32 messageBytes = 0; // kept
        quint32 fullBytes = 0; // as received
        Span id, title, uri;
        quint32 error = 0; // interned text, 0: none
        qint32 group = -1;
        quint32 stream = 0; // interned codes, 0: none
        quint32 crawlAction = 0;
        quint32 stages[3] = {};
        quint32 statusWire = 0;
        quint32 errorCode = 0;
        quint16 eventIdLength = 0;
        quint8 status = 0;
        quint8 kind = 0;
        quint8 flags = 0;
    };

    // Rows in blocks: growing never copies rows, and at most one block is unused.
    class RowStore
    {
    public:
        static constexpr qsizetype BlockRows = 4096;
        qsizetype size() const { return m_size; }
        Row &operator[](qsizetype i) { return m_blocks[i / BlockRows][i % BlockRows]; }
        const Row &operator[](qsizetype i) const { return m_blocks[i / BlockRows][i % BlockRows]; }
        Row &back() { return (*this)[m_size - 1]; }
        void push_back(const Row &row)
        {
            if (m_size % BlockRows == 0)
                m_blocks.push_back(std::make_unique<Row[]>(BlockRows));
            (*this)[m_size++] = row;
        }
        void clear()
        {
            m_blocks.clear();
            m_blocks.shrink_to_fit();
            m_size = 0;
        }
        qint64 bytes() const
        {
            return qint64(m_blocks.capacity() * sizeof(void *)
                          + m_blocks.size() * BlockRows * sizeof(Row));
        }

    private:
        std::vector<std::unique_ptr<Row[]>> m_blocks;
        qsizetype m_size = 0;
    };

    void store(const ReportEvent &event);
    QByteArrayView recordOf(const Row &row) const;
    QString spanText(const Row &row, const Span &span, quint8 escapedFlag) const;
    bool matches(const Row &row) const;
    void rebuildVisible();
    void exposeUpTo(qsizetype target);
    ReportEvent rebuild(const Row &row) const;
    QVariant display(const Row &row, int column) const;
    quint32 intern(const QString &text);
    QString text(quint32 ref) const { return ref ? m_texts.at(ref - 1) : QString(); }
    void onOutcome(const ReportOutcome &outcome);

    QPointer<ReportReader> m_reader;
    ReportView m_view;
    ReportOutcome m_outcome;
    ReportCounts m_counts;
    FailureGroups m_groups;

    RowStore m_rows;
    std::vector<quint32> m_visible; // rows matching the view, in order
    qsizetype m_exposed = 0; // of m_visible, shown to views
    qsizetype m_exposeTarget = BatchSize;
    bool m_inserting = false;
    QList<QByteArray> m_chunks;
    qint64 m_textBytes = 0;
    QStringList m_texts; // every interned text (codes, error texts), each once
    QHash<QString, quint32> m_textIndex;
    // (status, interned error text) -> its normalized reason, interned: each distinct text is
    // normalized once.
    QHash<quint64, quint32> m_reasonOfText;
};

} // namespace syncdeck::report
