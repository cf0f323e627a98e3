#include "runreport.h"

#include "rng.h"

#include "aws/jsonwriter.h"

#include <algorithm>
#include <numeric>

namespace syncdeck::emulator {
namespace {

quint64 fnv(QStringView text)
{
    quint64 h = 14695981039346656037ULL;
    for (const QChar c : text)
        h = (h ^ c.unicode()) * 1099511628211ULL;
    return h;
}

quint64 fnv(const char *text, qsizetype size)
{
    quint64 h = 14695981039346656037ULL;
    for (qsizetype i = 0; i < size; ++i)
        h = (h ^ quint8(text[i])) * 1099511628211ULL;
    return h;
}

// What a connector's documents look like. `uri`: %1 slug, %2 extension, %3 numeric id. Sources
// that are not files (wiki pages, tickets) fail on attachments, which get a file name.
struct Flavour
{
    const char *type;
    const char *source; // who throttles: "Confluence Cloud"
    const char *uri;
    bool files;
    const char *extensions; // comma-separated, the common ones first
    bool idIsUri;
};

const Flavour Flavours[] = {
    {"CONFLUENCE", "Confluence Cloud", "https://acme.atlassian.net/wiki/spaces/ENG/pages/%3/%1",
     false, "html", false},
    {"S3", "Amazon S3", "s3://acme-policy-documents/policies/%1.%2", true,
     "pdf,docx,pdf,pptx,xlsx,txt,csv,md", true},
    {"SHAREPOINT", "SharePoint Online",
     "https://acme.sharepoint.com/sites/hr/Shared%20Documents/%1.%2", true,
     "docx,pdf,xlsx,pptx,docx,aspx", false},
    {"JIRA", "Jira Cloud", "https://acme.atlassian.net/browse/SD-%3", false, "html", false},
    {"WEBCRAWLER", "docs.acme.example", "https://docs.acme.example/guides/%1.%2", true,
     "html,html,html,pdf", true},
    {"SALESFORCEV2", "Salesforce", "https://acme.my.salesforce.com/ka0%3", false, "html", false},
    {"SERVICENOWV2", "ServiceNow", "https://acme.service-now.com/kb_view.do?sysparm_article=KB%3",
     false, "html", false},
    {"GITHUB", "GitHub", "https://github.com/acme/platform/blob/main/docs/%1.%2", true,
     "md,md,md,txt,json,yaml", true},
    {"SLACK", "Slack", "https://acme.slack.com/archives/C04SUPPORT/p%3", false, "txt", false},
    {"ONEDRIVEV2", "Microsoft OneDrive",
     "https://acme-my.sharepoint.com/personal/finance_acme_com/Documents/%1.%2", true,
     "xlsx,docx,pdf,xlsx,csv", false},
    {"GOOGLEDRIVEV2", "Google Drive", "https://drive.google.com/file/d/1AcmeMkt%3/view", false,
     "html", false},
    {"ZENDESK", "Zendesk", "https://acme.zendesk.com/hc/en-us/articles/%3-%1", false, "html",
     false},
    {"BOX", "Box", "https://app.box.com/file/%3", false, "pdf", false},
    {"DROPBOX", "Dropbox", "https://www.dropbox.com/home/Design/%1.%2", true, "pdf,png,pdf,pptx",
     false},
    {"MSTEAMS", "Microsoft Teams",
     "https://teams.microsoft.com/l/message/19:announcements@thread.tacv2/%3", false, "html",
     false},
};

const Flavour &flavourOf(const QString &type)
{
    static const Flavour fallback {
        "", "the source", "https://intranet.acme.example/docs/%1.%2", true, "pdf,docx,html", true};
    for (const Flavour &f : Flavours) {
        if (type == QLatin1String(f.type))
            return f;
    }
    return fallback;
}

const char *const Topics[] = {
    "Expense Policy",      "Travel Guidelines",   "Onboarding Checklist", "Incident Response",
    "Security Baseline",   "Release Process",     "Quarterly Roadmap",    "Benefits Overview",
    "Data Retention",      "Vendor Management",   "Remote Work",          "Code Review",
    "Customer Escalation", "Pricing Model",       "Brand Guidelines",     "Disaster Recovery",
    "Access Requests",     "Performance Reviews", "API Reference",        "Support Playbook",
    "Holiday Calendar",    "Procurement Rules",   "On-call Rotation",     "Architecture Decisions",
};
const char *const Kinds[] = {"Handbook",  "FAQ",   "Runbook",  "Template",  "Guide",    "Summary",
                             "Checklist", "Notes", "Standard", "Procedure", "Overview", "Draft"};
const char *const Groups[]
    = {"engineering", "hr-team", "finance", "support-agents", "all-employees", "legal", "sales"};
const char *const People[]
    = {"alice", "bob", "carol", "dmitri", "esther", "farid", "grace", "hiro", "ines", "jamal"};
const char *const Unsupported[] = {"zip", "exe", "mp4", "psd", "dwg", "iso"};

// Why a document failed: the usual reasons (in the weighted mix), and the source refusing the
// connector, which only a run that failed that way shows (its dominant reason).
enum Reason {
    SizeLimit,
    UnsupportedType,
    AclError,
    Throttled,
    Unparsable,
    TextLimit,
    ReasonCount,
    SourceRefused = ReasonCount,
};
const int ReasonWeights[ReasonCount] = {28, 24, 18, 14, 10, 6};

// The dominant reason of a run that reported a data source error (its dataSourceErrorCode), or
// -1: the run's documents fail for the usual reasons.
int reasonOfSourceError(const QString &code)
{
    if (code == QLatin1String("DocumentTooLarge"))
        return SizeLimit;
    if (code == QLatin1String("HTTP_429_TOO_MANY_REQUESTS") || code == QLatin1String("RateLimited"))
        return Throttled;
    if (code == QLatin1String("InvalidCredentials") || code == QLatin1String("AccessDenied")
        || code == QLatin1String("NoSuchBucket") || code == QLatin1String("SiteNotFound")
        || code == QLatin1String("ConnectionTimeout"))
        return SourceRefused;
    return -1;
}

// What a document met when its source refused the connector (`code`: the run's error code).
QString sourceRefusal(const QString &code, const QString &source)
{
    if (code == QLatin1String("InvalidCredentials"))
        return QStringLiteral("%1 rejected the connector's credentials (HTTP 401 Unauthorized) "
                              "while the document was being fetched.")
            .arg(source);
    if (code == QLatin1String("AccessDenied"))
        return QStringLiteral("%1 denied the connector access to the document (HTTP 403 "
                              "Forbidden).")
            .arg(source);
    if (code == QLatin1String("ConnectionTimeout"))
        return QStringLiteral("The connection to %1 timed out after 30 seconds while the document "
                              "was being downloaded.")
            .arg(source);
    return QStringLiteral("%1 answered HTTP 404 Not Found for the document's location.")
        .arg(source);
}

QString slugOf(const QString &title)
{
    return title.toLower().replace(u' ', u'-').remove(u'(').remove(u')');
}

// Every number of one event, from the run's key and the event.
Rng eventRng(quint64 key, qint64 i, quint64 salt)
{
    return Rng::derived(key, quint64(i), salt);
}

// The timestamp of event i of n spread over [start, start + span].
qint64 spread(qint64 start, qint64 span, qint64 n, qint64 i)
{
    return start + qint64((__int128(i + 1) * span) / (n + 1));
}

qint64 firstAtOrAfterIn(qint64 start, qint64 span, qint64 n, qint64 limit, qint64 ms)
{
    qint64 lo = 0;
    qint64 hi = limit;
    while (lo < hi) {
        const qint64 mid = lo + (hi - lo) / 2;
        if (spread(start, span, n, mid) < ms)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

} // namespace

QString reportStreamPrefix(ReportStreamKind kind)
{
    return kind == ReportStreamKind::RunReport ? QStringLiteral("SYNC_RUN_HISTORY_REPORT/")
                                               : QStringLiteral("GROUP_MEMBERSHIP/");
}

QString reportStatusWire(ReportDocumentStatus status)
{
    switch (status) {
    case ReportDocumentStatus::Success:
        return QStringLiteral("SUCCESS");
    case ReportDocumentStatus::Failed:
        return QStringLiteral("FAILED");
    case ReportDocumentStatus::Skipped:
        return QStringLiteral("SKIPPED");
    }
    return {};
}

std::optional<RunReport> RunReport::of(const Options &options, const Store &store,
                                       const DataSourceRecord &ds, size_t jobIndex, qint64 nowMs)
{
    if (jobIndex >= ds.jobs.size())
        return std::nullopt;
    const JobRecord &job = ds.jobs[jobIndex];
    if (job.startMs < 0 || nowMs - job.startMs > LogRetentionMs)
        return std::nullopt;
    const bool live = ds.live.active && ds.live.index == jobIndex && ds.live.durationMs >= 0;
    if (!live && !job.hasMetrics)
        return std::nullopt;
    RunReport r;
    r.m_metrics = live ? ds.live.finalMetrics : job.metrics;
    for (qint64 &m : r.m_metrics)
        m = std::max<qint64>(0, m);
    r.m_total = std::max(r.m_metrics[DocumentsScanned], r.m_metrics[DocumentsFailed]);
    if (r.m_total <= 0)
        return std::nullopt;
    r.m_ds = &ds;
    r.m_extensions = QString::fromLatin1(flavourOf(ds.type).extensions).split(u',');
    r.m_executionId = job.executionIdString();
    r.m_key = Rng::derived(options.seed, fnv(ds.id), fnv(job.executionId.data(), 36), 16).next();
    r.m_startMs = job.startMs;
    if (live)
        r.m_spanMs = ds.live.durationMs;
    else
        r.m_spanMs = job.endMs > job.startMs ? job.endMs - job.startMs
                                             : qint64(std::max(1000, options.syncDurationMs));
    r.m_failed = r.m_metrics[DocumentsFailed];
    Rng rng(r.m_key);
    r.m_skipped
        = std::min(r.m_total - r.m_failed, qint64(double(r.m_total) * (0.005 + rng.unit() * 0.03)));
    r.m_memberships = std::min<qint64>(40, r.m_total / 400 + 3);
    r.m_stride = std::max<quint64>(1, rng.next() % quint64(r.m_total));
    while (std::gcd(r.m_stride, quint64(r.m_total)) != 1)
        r.m_stride = r.m_stride % quint64(r.m_total) + 1;
    r.m_offset = rng.next() % quint64(r.m_total);
    r.m_dominantReason = int(rng.range(0, ReasonCount - 1));
    if (job.dataSourceErrorCode != 0) {
        r.m_sourceErrorCode = store.string(job.dataSourceErrorCode);
        const int reason = reasonOfSourceError(r.m_sourceErrorCode);
        if (reason >= 0)
            r.m_dominantReason = reason;
    }
    r.m_visible = r.m_total;
    if (live) {
        qint64 until = nowMs;
        if (ds.live.stopRequestedMs >= 0)
            until = std::min(until, ds.live.stopRequestedMs);
        r.m_visible = firstAtOrAfterIn(r.m_startMs, r.m_spanMs, r.m_total, r.m_total, until + 1);
    }
    return r;
}

qint64 RunReport::finalCount(ReportStreamKind kind) const
{
    return kind == ReportStreamKind::RunReport ? m_total : m_memberships;
}

qint64 RunReport::count(ReportStreamKind kind) const
{
    if (kind == ReportStreamKind::RunReport)
        return m_visible;
    // Memberships are written along the run too.
    if (m_visible == m_total)
        return m_memberships;
    const qint64 lastVisible
        = m_visible == 0 ? m_startMs : spread(m_startMs, m_spanMs, m_total, m_visible - 1);
    return firstAtOrAfterIn(m_startMs, m_spanMs, m_memberships, m_memberships, lastVisible + 1);
}

qint64 RunReport::timestamp(ReportStreamKind kind, qint64 i) const
{
    return spread(m_startMs, m_spanMs, finalCount(kind), i);
}

qint64 RunReport::ingestionTime(ReportStreamKind kind, qint64 i) const
{
    return timestamp(kind, i) + 250 + qint64(eventRng(m_key, i, 1 + quint64(kind)).next() % 1750);
}

qint64 RunReport::firstAtOrAfter(ReportStreamKind kind, qint64 ms) const
{
    return firstAtOrAfterIn(m_startMs, m_spanMs, finalCount(kind), count(kind), ms);
}

QString RunReport::eventId(ReportStreamKind kind, qint64 i) const
{
    const quint64 stream = (m_key ^ quint64(kind)) % 1000000000000000000ULL;
    return QStringLiteral("%1%2%3%4")
        .arg(timestamp(kind, i), 13, 10, QLatin1Char('0'))
        .arg(stream, 21, 10, QLatin1Char('0'))
        .arg(int(kind))
        .arg(i, 21, 10, QLatin1Char('0'));
}

ReportDocumentStatus RunReport::statusAt(qint64 i, qint64 *rank) const
{
    const qint64 p = qint64((__int128(m_stride) * i + m_offset) % m_total);
    if (p < m_failed) {
        *rank = p;
        return ReportDocumentStatus::Failed;
    }
    if (p < m_failed + m_skipped) {
        *rank = p - m_failed;
        return ReportDocumentStatus::Skipped;
    }
    *rank = p - m_failed - m_skipped;
    return ReportDocumentStatus::Success;
}

ReportDocument RunReport::document(qint64 i) const
{
    const Flavour &flavour = flavourOf(m_ds->type);
    const quint64 dsKey = fnv(m_ds->id);
    // The document itself (the same in every run): its title, kind of file and id.
    Rng doc = Rng::derived(dsKey, quint64(i), 7);
    ReportDocument d;
    d.document = i;
    const qint64 topics = qint64(std::size(Topics));
    const qint64 kinds = qint64(std::size(Kinds));
    d.title = QString::fromLatin1(Topics[i % topics]) + u' '
        + QLatin1String(Kinds[(i / topics + qint64(dsKey % 7)) % kinds]);
    if (i >= topics * kinds)
        d.title += QStringLiteral(" (%1)").arg(i / (topics * kinds) + 1);
    QString extension = m_extensions.at(qsizetype(doc.next() % quint64(m_extensions.size())));
    const qint64 numericId = 100000 + i * 13 + qint64(dsKey % 997);

    qint64 rank = 0;
    d.status = statusAt(i, &rank);
    Rng run = eventRng(m_key, i, 9);
    bool attachment = false;
    if (d.status == ReportDocumentStatus::Failed) {
        int reason = m_dominantReason;
        if (!run.chance(0.55)) {
            int roll = int(run.range(0, 99));
            for (reason = 0; reason < ReasonCount - 1 && roll >= ReasonWeights[reason]; ++reason)
                roll -= ReasonWeights[reason];
        }
        const QString source = QString::fromLatin1(flavour.source);
        d.crawlStatus = QStringLiteral("SUCCESS");
        d.syncStatus = QStringLiteral("FAILED");
        d.indexStatus = QStringLiteral("NOT_STARTED");
        switch (reason) {
        case SizeLimit:
            attachment = !flavour.files;
            extension = attachment ? QStringLiteral("pdf") : extension;
            d.errorMessage = QStringLiteral("The document size (%1 MB) exceeds the maximum file "
                                            "size of 50 MB.")
                                 .arg(double(50 + run.range(1, 900)) / 10.0 + 45.0, 0, 'f', 1);
            break;
        case UnsupportedType:
            attachment = !flavour.files;
            extension = QString::fromLatin1(
                Unsupported[run.range(0, qint64(std::size(Unsupported)) - 1)]);
            d.errorMessage
                = QStringLiteral("The file type .%1 is not supported. Supported types include "
                                 "PDF, HTML, Microsoft Word, PowerPoint and Excel, plain text, "
                                 "Markdown, CSV, JSON, XML and RTF.")
                      .arg(extension);
            break;
        case AclError:
            d.crawlStatus = QStringLiteral("FAILED");
            d.syncStatus = QStringLiteral("NOT_STARTED");
            d.errorMessage
                = QStringLiteral("Failed to resolve the document's access control list: the group "
                                 "'%1' was not found in IAM Identity Center.")
                      .arg(QLatin1String(Groups[run.range(0, qint64(std::size(Groups)) - 1)]));
            break;
        case Throttled:
            d.crawlStatus = QStringLiteral("FAILED");
            d.syncStatus = QStringLiteral("NOT_STARTED");
            d.errorMessage = QStringLiteral("%1 throttled the connector (HTTP 429 Too Many "
                                            "Requests); the document was not crawled after %2 "
                                            "retries.")
                                 .arg(source)
                                 .arg(run.range(3, 8));
            break;
        case SourceRefused:
            d.crawlStatus = QStringLiteral("FAILED");
            d.syncStatus = QStringLiteral("NOT_STARTED");
            d.errorMessage = sourceRefusal(m_sourceErrorCode, source);
            break;
        case Unparsable:
            d.errorMessage = QStringLiteral("The document could not be parsed: it is password "
                                            "protected or corrupt.");
            break;
        default:
            d.syncStatus = QStringLiteral("SUCCESS");
            d.indexStatus = QStringLiteral("FAILED");
            d.errorMessage = QStringLiteral("The extracted text of the document (%1 MB) exceeds "
                                            "the limit of 5 MB per document.")
                                 .arg(double(51 + run.range(0, 200)) / 10.0, 0, 'f', 1);
            break;
        }
        d.crawlAction = run.chance(0.7) ? QStringLiteral("UPDATE") : QStringLiteral("ADD");
    } else if (d.status == ReportDocumentStatus::Skipped) {
        d.crawlStatus = QStringLiteral("SKIPPED");
        d.syncStatus = QStringLiteral("NOT_STARTED");
        d.indexStatus = QStringLiteral("NOT_STARTED");
        d.crawlAction = QStringLiteral("UNCHANGED");
        const qint64 which = run.range(0, 2);
        d.errorMessage = which == 0
            ? QStringLiteral("Skipped: excluded by the data source's exclusion patterns.")
            : which == 1 ? QStringLiteral("Skipped: the document is empty.")
                         : QStringLiteral("Skipped: the file type is not selected in the data "
                                          "source's document type settings.");
    } else {
        d.crawlStatus = d.syncStatus = d.indexStatus = QStringLiteral("SUCCESS");
        const qint64 added = m_metrics[DocumentsAdded];
        const qint64 modified = m_metrics[DocumentsModified];
        const qint64 deleted = m_metrics[DocumentsDeleted];
        d.crawlAction = rank < added            ? QStringLiteral("ADD")
            : rank < added + modified           ? QStringLiteral("UPDATE")
            : rank < added + modified + deleted ? QStringLiteral("DELETE")
                                                : QStringLiteral("UNCHANGED");
    }
    QString uri = QString::fromLatin1(flavour.uri)
                      .replace(QLatin1String("%1"), slugOf(d.title))
                      .replace(QLatin1String("%2"), extension)
                      .replace(QLatin1String("%3"), QString::number(numericId));
    if (attachment) {
        uri += QStringLiteral("/attachments/") + slugOf(d.title) + u'.' + extension;
        d.title += u'.' + extension;
    } else if (flavour.files) {
        d.title += u'.' + extension;
    }
    d.sourceUri = uri;
    d.documentId = flavour.idIsUri || attachment ? uri : QString::number(numericId);
    return d;
}

QByteArray RunReport::documentMessage(const ReportDocument &d)
{
    QByteArray out;
    out.reserve(900);
    aws::JsonWriter w(out);
    const auto status = [&w](const char *key, const QString &value) {
        w.key(QLatin1StringView(key));
        w.beginObject();
        w.key(QLatin1StringView("Status"));
        w.value(QStringView(value));
        w.endObject();
    };
    const quint64 h = fnv(d.documentId);
    w.beginObject();
    w.key(QLatin1StringView("DocumentId"));
    w.value(QStringView(d.documentId));
    w.key(QLatin1StringView("DocumentTitle"));
    w.value(QStringView(d.title));
    w.key(QLatin1StringView("SourceUri"));
    w.value(QStringView(d.sourceUri));
    w.key(QLatin1StringView("CrawlAction"));
    w.value(QStringView(d.crawlAction));
    status("ConnectorDocumentStatus", reportStatusWire(d.status));
    status("CrawlStatus", d.crawlStatus);
    status("SyncStatus", d.syncStatus);
    status("IndexStatus", d.indexStatus);
    if (!d.errorMessage.isEmpty()) {
        w.key(QLatin1StringView("ErrorMsg"));
        w.value(QStringView(d.errorMessage));
    }
    // Acl and Metadata are strings holding JSON, as the service writes them.
    const QLatin1StringView group(Groups[h % std::size(Groups)]);
    const QString acl = QStringLiteral("[{\"globalName\":\"%1@acme.example\",\"name\":\"%1\","
                                       "\"type\":\"GROUP\",\"access\":\"ALLOW\"}]")
                            .arg(group);
    w.key(QLatin1StringView("Acl"));
    w.value(QStringView(acl));
    const QString metadata = QStringLiteral("{\"_category\":\"%1\",\"_source_uri\":\"%2\"}")
                                 .arg(QLatin1String(Kinds[h % std::size(Kinds)]), d.sourceUri);
    w.key(QLatin1StringView("Metadata"));
    w.value(QStringView(metadata));
    w.key(QLatin1StringView("HashedDocumentId"));
    Rng hash(h);
    const QString hex = QStringLiteral("%1%2%3%4")
                            .arg(hash.next(), 16, 16, QLatin1Char('0'))
                            .arg(hash.next(), 16, 16, QLatin1Char('0'))
                            .arg(hash.next(), 16, 16, QLatin1Char('0'))
                            .arg(hash.next(), 16, 16, QLatin1Char('0'));
    w.value(QStringView(hex));
    w.endObject();
    return out;
}

QByteArray RunReport::message(ReportStreamKind kind, qint64 i) const
{
    if (kind == ReportStreamKind::RunReport)
        return documentMessage(document(i));
    Rng rng = eventRng(m_key, i, 3);
    const QLatin1StringView group(Groups[rng.next() % std::size(Groups)]);
    const bool nested = rng.chance(0.15);
    QByteArray out;
    aws::JsonWriter w(out);
    w.beginObject();
    w.key(QLatin1StringView("groupName"));
    w.value(group);
    const QString member = nested
        ? QString::fromLatin1(Groups[rng.next() % std::size(Groups)]) + QStringLiteral("-leads")
        : QString::fromLatin1(People[rng.next() % std::size(People)]);
    w.key(QLatin1StringView("memberName"));
    w.value(QStringView(member));
    w.key(QLatin1StringView("memberGlobalName"));
    w.value(QStringView(QString(member + QStringLiteral("@acme.example"))));
    w.key(QLatin1StringView("memberType"));
    w.value(nested ? QLatin1StringView("GROUP") : QLatin1StringView("USER"));
    w.key(QLatin1StringView("isMemberFederated"));
    w.value(rng.chance(0.3) ? QLatin1StringView("TRUE") : QLatin1StringView("FALSE"));
    w.key(QLatin1StringView("isGroupFederated"));
    w.value(QLatin1StringView("FALSE"));
    w.endObject();
    return out;
}

DocumentCatalogue::DocumentCatalogue(const Options &options, const Store &store,
                                     const DataSourceRecord &ds, qint64 nowMs)
    : m_ds(ds)
{
    for (size_t j = ds.jobs.size(); j > 0 && !m_last; --j) {
        const JobRecord &job = ds.jobs[j - 1];
        if (job.endMs < 0 || (ds.live.active && ds.live.index == j - 1))
            continue;
        m_last = RunReport::of(options, store, ds, j - 1, nowMs);
        m_lastEndMs = job.endMs;
    }
}

qint64 DocumentCatalogue::count() const
{
    return m_last ? m_last->finalCount(ReportStreamKind::RunReport) : 0;
}

IndexedDocument DocumentCatalogue::at(qint64 i) const
{
    const ReportDocument d = m_last->document(i);
    IndexedDocument out;
    out.documentId = d.documentId;
    Rng rng = Rng::derived(fnv(m_ds.id), quint64(i), 11);
    out.createdMs = m_ds.createdMs
        + qint64(rng.next() % quint64(std::max<qint64>(1, m_lastEndMs - m_ds.createdMs)));
    out.updatedMs = out.createdMs;
    switch (d.status) {
    case ReportDocumentStatus::Failed:
        out.updatedMs = m_lastEndMs;
        out.errorCode = QStringLiteral("InvalidRequest");
        out.errorMessage = d.errorMessage;
        out.status = d.indexStatus == QLatin1String("FAILED")
            ? QStringLiteral("DOCUMENT_FAILED_TO_INDEX")
            : QStringLiteral("FAILED");
        break;
    case ReportDocumentStatus::Skipped:
        out.status = QStringLiteral("INDEXED");
        break;
    case ReportDocumentStatus::Success:
        if (d.crawlAction == QLatin1String("DELETE")) {
            out.status = QStringLiteral("DELETED");
            out.updatedMs = m_lastEndMs;
        } else if (d.crawlAction == QLatin1String("UPDATE")) {
            out.status = QStringLiteral("UPDATED");
            out.updatedMs = m_lastEndMs;
        } else {
            out.status = QStringLiteral("INDEXED");
        }
        break;
    }
    return out;
}

} // namespace syncdeck::emulator
