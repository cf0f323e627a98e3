#pragma once

#include <QDateTime>
#include <QString>

namespace syncdeck::ui {

// The file name an export proposes: "syncdeck-<dataSource>-<what>-<yyyyMMdd-HHmm>.<suffix>"
// (local time), so exports of several data sources and days can sit in one folder. The data
// source is its name, or its ID when the name is unknown; empty leaves it out. Every part is
// made safe for the file systems SyncDeck runs on: characters Windows, macOS or Linux reserve,
// control characters, spaces and runs of them become one "-", and a very long name is cut.
QString proposedExportName(const QString &dataSource, const QString &what, const QDateTime &at,
                           const QString &suffix);

// One part of such a name, made safe on its own (letters and digits of any script stay).
QString fileNamePart(const QString &text);

} // namespace syncdeck::ui
