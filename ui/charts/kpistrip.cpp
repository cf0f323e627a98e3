#include "kpistrip.h"

#include "chartstyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace syncdeck::ui::charts {

using qbusiness::formatDuration;
using qbusiness::RunKpis;

namespace {
const char *const TileNames[] = {"successRate", "lastSuccess",     "failedRuns", "meanDuration",
                                 "p95Duration", "documentsFailed", "zeroScanned"};
constexpr int TileCount = 7;
// A success rate under this is a warning (coloured and said in words).
constexpr double SuccessRateWarning = 0.9;
} // namespace

KpiStrip::KpiStrip(QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    const QStringList tips = {
        tr("Succeeded runs among finished runs (succeeded, failed, incomplete, aborted)."),
        tr("When the latest successful run ended."),
        tr("Runs with status FAILED, and how many of the latest runs failed in a row."),
        tr("Mean duration of finished runs."),
        tr("95th percentile (nearest rank) of the duration of finished runs."),
        tr("Documents that failed to sync, summed over all runs."),
        tr("Runs that SUCCEEDED but scanned no documents: often a connector or filter "
           "problem."),
    };
    for (int i = 0; i < TileCount; ++i) {
        m_tiles.append(addTile(QString::fromLatin1(TileNames[i]), tips[i]));
        m_alerts.append(false);
        row->addWidget(m_tiles.last().box, 1);
    }
    setKpis(RunKpis {}, QDateTime::currentDateTimeUtc());
}

KpiStrip::~KpiStrip() = default;

KpiStrip::Tile KpiStrip::addTile(const QString &name, const QString &toolTip)
{
    Tile t;
    t.box = new QWidget(this);
    t.box->setObjectName(name);
    t.box->setToolTip(toolTip);
    t.box->setAutoFillBackground(true);
    auto *col = new QVBoxLayout(t.box);
    col->setContentsMargins(8, 4, 8, 4);
    col->setSpacing(0);
    t.value = new QLabel(t.box);
    t.value->setTextFormat(Qt::PlainText);
    QFont big = t.value->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    t.value->setFont(big);
    t.caption = new QLabel(t.box);
    t.caption->setTextFormat(Qt::PlainText);
    t.caption->setWordWrap(true);
    // A warning is said in words, not by the value's colour alone.
    t.state = new QLabel(t.box);
    t.state->setObjectName(name + QStringLiteral("State"));
    t.state->setTextFormat(Qt::PlainText);
    t.state->setWordWrap(true);
    t.state->hide();
    col->addWidget(t.value);
    col->addWidget(t.caption);
    col->addWidget(t.state);
    // One tab stop per tile, named with its value and meaning: read as a whole, not as
    // separate value and caption fragments.
    t.box->setFocusPolicy(Qt::StrongFocus);
    return t;
}

void KpiStrip::setTile(Tile &tile, const TileText &text)
{
    tile.value->setText(text.value);
    tile.caption->setText(text.caption);
    const bool alert = !text.warning.isEmpty();
    tile.state->setText(alert ? tr("Warning: %1").arg(text.warning) : QString());
    tile.state->setVisible(alert);
    QString name = text.meaning + QLatin1Char(' ') + text.value;
    if (!text.detail.isEmpty())
        name += QStringLiteral(", ") + text.detail;
    if (alert)
        name += tr(" — warning: %1").arg(text.warning);
    tile.box->setAccessibleName(name);
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles[i].box == tile.box)
            m_alerts[i] = alert;
    }
}

QString KpiStrip::valueText(const QString &tile) const
{
    for (const Tile &t : m_tiles) {
        if (t.box->objectName() == tile)
            return t.value->text();
    }
    return {};
}

QString KpiStrip::captionText(const QString &tile) const
{
    for (const Tile &t : m_tiles) {
        if (t.box->objectName() == tile)
            return t.caption->text();
    }
    return {};
}

QWidget *KpiStrip::tile(const QString &name) const
{
    for (const Tile &t : m_tiles) {
        if (t.box->objectName() == name)
            return t.box;
    }
    return nullptr;
}

void KpiStrip::setKpis(const RunKpis &k, const QDateTime &now)
{
    m_kpis = k;
    const QLocale locale;
    const QString none = QStringLiteral("—");
    const QString percent = QStringLiteral(" %");
    const QString finished
        = tr("%1 of %2 finished").arg(locale.toString(k.succeeded), locale.toString(k.finished));
    const bool lowRate = k.successRate && *k.successRate < SuccessRateWarning;
    setTile(m_tiles[0],
            {k.successRate ? locale.toString(*k.successRate * 100.0, 'f', 1) + percent : none,
             tr("success rate · %1").arg(finished), tr("Success rate"), finished,
             lowRate
                 ? tr("below %1").arg(locale.toString(SuccessRateWarning * 100, 'f', 0) + percent)
                 : QString()});
    if (k.lastSuccess.isValid()) {
        const QString when
            = k.lastSuccess.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        setTile(m_tiles[1],
                {tr("%1 ago").arg(formatDuration(k.lastSuccess.secsTo(now))),
                 tr("last success · %1").arg(when),
                 tr("Last success"),
                 when,
                 {}});
    } else {
        setTile(m_tiles[1],
                {none, tr("last success · none loaded"), tr("Last success"), tr("none loaded"),
                 k.finished > 0 ? tr("no successful run loaded") : QString()});
    }
    const QString streak = k.currentFailureStreak > 0
        ? tr("failing now: %n in a row", nullptr, k.currentFailureStreak)
        : tr("longest streak %1").arg(k.longestFailureStreak);
    setTile(m_tiles[2],
            {locale.toString(k.failed), tr("runs failed · %1").arg(streak), tr("Failed runs"),
             streak, k.currentFailureStreak > 0 ? tr("the latest runs are failing") : QString()});
    const QString samples = tr("%Ln runs", nullptr, k.durationSamples);
    setTile(m_tiles[3],
            {k.meanDurationSeconds ? formatDuration(*k.meanDurationSeconds) : none,
             tr("mean duration · %1").arg(samples),
             tr("Mean duration"),
             tr("over %1").arg(samples),
             {}});
    setTile(m_tiles[4],
            {k.p95DurationSeconds ? formatDuration(*k.p95DurationSeconds) : none,
             tr("p95 duration"),
             tr("95th percentile duration"),
             {},
             {}});
    setTile(m_tiles[5],
            {locale.toString(k.documentsFailed),
             tr("documents failed"),
             tr("Documents failed"),
             {},
             k.documentsFailed > 0 ? tr("documents did not sync") : QString()});
    setTile(
        m_tiles[6],
        {locale.toString(k.succeededWithoutScanned),
         tr("succeeded, 0 scanned"),
         tr("Runs succeeded with 0 documents scanned:"),
         {},
         k.succeededWithoutScanned > 0 ? tr("check the connector and its filters") : QString()});
    applyColors();
}

void KpiStrip::applyColors()
{
    const QPalette base = palette();
    const QColor alert = statusColor(qbusiness::SyncStatus::Failed, base);
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        QPalette pal = base;
        pal.setColor(QPalette::Window, base.color(QPalette::AlternateBase));
        m_tiles[i].box->setPalette(pal);
        QPalette valuePal = pal;
        valuePal.setColor(QPalette::WindowText,
                          m_alerts[i] ? alert : base.color(QPalette::WindowText));
        m_tiles[i].value->setPalette(valuePal);
        m_tiles[i].state->setPalette(valuePal);
        QPalette captionPal = pal;
        captionPal.setColor(QPalette::WindowText, base.color(QPalette::PlaceholderText));
        m_tiles[i].caption->setPalette(captionPal);
    }
}

void KpiStrip::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

} // namespace syncdeck::ui::charts
