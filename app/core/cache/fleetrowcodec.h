#pragma once

#include "fleet/fleetrow.h"

#include <QByteArray>

#include <optional>

// How the history cache stores a fleet row: every member, so that a row read back is the row
// stored (fleet::toJson() is the CLI's output shape, which leaves out what it does not print).
// Compact JSON with short keys; absent optionals are absent keys.
namespace syncdeck::cache {

QByteArray encodeFleetRow(const fleet::FleetRow &row);
// nullopt when `data` is not a stored row (a damaged value): the caller skips it.
std::optional<fleet::FleetRow> decodeFleetRow(const QByteArray &data);

} // namespace syncdeck::cache
