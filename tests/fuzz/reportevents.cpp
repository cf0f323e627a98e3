// report/reportevent: one event of a run's document report (SYNC_RUN_HISTORY_REPORT, legacy error
// and GROUP_MEMBERSHIP streams), as CloudWatch Logs hands it over. Input: the log stream name,
// NUL, the message.
// Invariants: nothing is lost (the raw message is kept verbatim, with its UTF-8 size); an
// unreadable event says why; both parse entry points (QString and UTF-8 bytes) agree; a status
// SyncDeck knows reads back from its wire name; a parsed event parses the same again.
#include "fuzzsupport.h"

#include "report/reportevent.h"

using namespace syncdeck;
using namespace syncdeck::report;

namespace {

bool sameEvent(const ReportEvent &a, const ReportEvent &b)
{
    return a.kind == b.kind && a.message == b.message && a.messageBytes == b.messageBytes
        && a.documentId == b.documentId && a.documentTitle == b.documentTitle
        && a.sourceUri == b.sourceUri && a.crawlAction == b.crawlAction
        && a.hashedDocumentId == b.hashedDocumentId && a.status == b.status
        && a.statusWire == b.statusWire && a.statusDerived == b.statusDerived
        && a.crawlStatus == b.crawlStatus && a.syncStatus == b.syncStatus
        && a.indexStatus == b.indexStatus && a.errorMessage == b.errorMessage
        && a.errorCode == b.errorCode && a.logLevel == b.logLevel && a.acl == b.acl
        && a.metadata == b.metadata && a.otherMembers == b.otherMembers
        && a.membership == b.membership && a.problems == b.problems;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = syncdeck::fuzz::parts(syncdeck::fuzz::bytes(data, size), 2);
    logs::LogEvent event;
    event.logStreamName = QString::fromUtf8(parts.at(0));
    event.timestamp = 1714564800000;
    event.ingestionTime = 1714564801000;
    event.eventId = QStringLiteral("event-1");
    event.message = QString::fromUtf8(parts.at(1));
    const QByteArray utf8 = event.message.toUtf8();

    const ReportEvent e = parseReportEvent(event);
    FUZZ_CHECK(e.message == event.message, e.message);
    FUZZ_CHECK(e.messageBytes == utf8.size(), QString::number(e.messageBytes));
    FUZZ_CHECK(e.logStreamName == event.logStreamName && e.timestamp == event.timestamp
                   && e.eventId == event.eventId,
               e.logStreamName);
    if (e.isUnreadable())
        FUZZ_CHECK(e.hasProblems(), e.message);
    if (e.status != DocumentStatus::Unknown)
        FUZZ_CHECK(documentStatusFromWire(documentStatusToWire(e.status)) == e.status,
                   e.statusWire);
    FUZZ_CHECK(!documentStatusText(e.status).isEmpty(), e.statusWire);

    logs::LogEvent envelope = event;
    envelope.message.clear();
    const ReportEvent fromBytes = parseReportEvent(envelope, utf8);
    FUZZ_CHECK(sameEvent(e, fromBytes),
               e.problems.join(u'\n') + u'|' + fromBytes.problems.join(u'\n'));
    FUZZ_CHECK(sameEvent(e, parseReportEvent(event)), e.message);
    (void)streamKindOf(event.logStreamName);
    return 0;
}
