#pragma once

#include <QString>
#include <QStringList>

namespace syncdeck::fleet {

// The regions a fleet scan covers (`--regions r1,r2|all`, or the window's region choice).
// `selection` empty: the current region only. "all": every region of the current region's
// partition, current region first, from `partitionRegions` (the partition table's regions;
// pseudo-regions such as aws-global are left out). Otherwise a comma-separated list of region
// names, each one valid and of the current region's partition (one profile signs for one
// partition). Duplicates are dropped, order is kept. On a selection that cannot be used,
// returns an empty list and says why in *error.
QStringList selectRegions(const QString &selection, const QString &currentRegion,
                          const QStringList &partitionRegions, QString *error);

} // namespace syncdeck::fleet
