#pragma once

#include "types.h"

#include <QJsonObject>

namespace syncdeck::qbusiness {

// A job in the shape `aws qbusiness list-data-source-sync-jobs` prints it (metrics as strings,
// times as ISO 8601 UTC), for "Copy as JSON".
QJsonObject syncJobToJson(const SyncJob &job);

} // namespace syncdeck::qbusiness
