#include "types.h"

#include <algorithm>
#include <array>

namespace syncdeck::qbusiness {
namespace {
struct StatusName
{
    SyncStatus status;
    const char16_t *wire;
};
constexpr std::array<StatusName, 7> StatusNames = {{
    {SyncStatus::Failed, u"FAILED"},
    {SyncStatus::Succeeded, u"SUCCEEDED"},
    {SyncStatus::Syncing, u"SYNCING"},
    {SyncStatus::Incomplete, u"INCOMPLETE"},
    {SyncStatus::Stopping, u"STOPPING"},
    {SyncStatus::Aborted, u"ABORTED"},
    {SyncStatus::SyncingIndexing, u"SYNCING_INDEXING"},
}};
} // namespace

SyncStatus syncStatusFromWire(QStringView wire)
{
    for (const StatusName &n : StatusNames) {
        if (wire == QStringView(n.wire))
            return n.status;
    }
    return SyncStatus::Unknown;
}

bool isResourceId(QStringView text)
{
    // [a-zA-Z0-9][a-zA-Z0-9-]{35}, without a regular expression per keystroke.
    const auto alnum = [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    };
    if (text.size() != 36 || !alnum(text.front()))
        return false;
    return std::all_of(text.begin() + 1, text.end(),
                       [&alnum](QChar c) { return alnum(c) || c == u'-'; });
}

QString syncStatusToWire(SyncStatus status)
{
    for (const StatusName &n : StatusNames) {
        if (n.status == status)
            return QString::fromUtf16(n.wire);
    }
    return {};
}

QList<SyncStatus> knownSyncStatuses()
{
    QList<SyncStatus> out;
    for (const StatusName &n : StatusNames)
        out.append(n.status);
    return out;
}

bool isFinalStatus(SyncStatus status)
{
    switch (status) {
    case SyncStatus::Failed:
    case SyncStatus::Succeeded:
    case SyncStatus::Incomplete:
    case SyncStatus::Aborted:
        return true;
    case SyncStatus::Syncing:
    case SyncStatus::Stopping:
    case SyncStatus::SyncingIndexing:
    case SyncStatus::Unknown:
        return false;
    }
    return false;
}

bool isFailedDocumentStatus(const QString &status)
{
    return status == QLatin1String("FAILED") || status == QLatin1String("DOCUMENT_FAILED_TO_INDEX");
}

} // namespace syncdeck::qbusiness
