#include "reportstatusstyle.h"

#include "widgets/statusstyle.h"

namespace syncdeck::ui {

namespace {
qbusiness::SyncStatus runStatusLike(report::DocumentStatus status)
{
    switch (status) {
    case report::DocumentStatus::Failed:
        return qbusiness::SyncStatus::Failed;
    case report::DocumentStatus::Succeeded:
        return qbusiness::SyncStatus::Succeeded;
    case report::DocumentStatus::Skipped:
        return qbusiness::SyncStatus::Incomplete; // done, but not everything went in
    case report::DocumentStatus::Unknown:
        break;
    }
    return qbusiness::SyncStatus::Unknown;
}
} // namespace

QIcon documentStatusIcon(report::DocumentStatus status)
{
    return statusIcon(runStatusLike(status));
}

QColor documentStatusColor(report::DocumentStatus status, const QPalette &palette)
{
    return statusColor(runStatusLike(status), palette);
}

} // namespace syncdeck::ui
