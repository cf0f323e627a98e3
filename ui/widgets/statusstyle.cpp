#include "statusstyle.h"

#include <QHash>
#include <QPalette>

namespace syncdeck::ui {

using qbusiness::SyncStatus;

QIcon statusIcon(SyncStatus status)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(status));
    if (it != cache.constEnd())
        return *it;
    QString name;
    switch (status) {
    case SyncStatus::Failed:
        name = QStringLiteral("failed");
        break;
    case SyncStatus::Succeeded:
        name = QStringLiteral("succeeded");
        break;
    case SyncStatus::Syncing:
        name = QStringLiteral("syncing");
        break;
    case SyncStatus::SyncingIndexing:
        name = QStringLiteral("indexing");
        break;
    case SyncStatus::Incomplete:
        name = QStringLiteral("incomplete");
        break;
    case SyncStatus::Stopping:
        name = QStringLiteral("stopping");
        break;
    case SyncStatus::Aborted:
        name = QStringLiteral("aborted");
        break;
    case SyncStatus::Unknown:
        name = QStringLiteral("unknown");
        break;
    }
    const QIcon icon(QStringLiteral(":/icons/status-%1.svg").arg(name));
    cache.insert(int(status), icon);
    return icon;
}

QColor statusColor(SyncStatus status, const QPalette &palette)
{
    int hue = -1;
    switch (status) {
    case SyncStatus::Failed:
        hue = 4;
        break;
    case SyncStatus::Succeeded:
        hue = 135;
        break;
    case SyncStatus::Syncing:
    case SyncStatus::SyncingIndexing:
        hue = 215;
        break;
    case SyncStatus::Incomplete:
        hue = 32;
        break;
    case SyncStatus::Stopping:
    case SyncStatus::Aborted:
    case SyncStatus::Unknown:
        break;
    }
    const QColor text = palette.color(QPalette::Text);
    if (hue < 0)
        return text;
    // Same lightness family as the text colour: dark on light themes, light on dark ones.
    const bool darkTheme = palette.color(QPalette::Base).lightness() < 128;
    return QColor::fromHsl(hue, darkTheme ? 200 : 190, darkTheme ? 165 : 90);
}

} // namespace syncdeck::ui
