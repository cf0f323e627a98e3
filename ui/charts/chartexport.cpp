#include "chartexport.h"

#include <QBuffer>
#include <QChartView>
#include <QCoreApplication>
#include <QGraphicsView>
#include <QImageWriter>
#include <QPainter>
#include <QPointer>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTimeZone>
#include <QWidget>
#include <QXYSeries>

namespace syncdeck::ui::charts {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("syncdeck::ui::charts::ChartExport", text);
}

constexpr int Margin = 8;

QString localTime(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// "Europe/Berlin, UTC+02:00"; just "UTC" where the name is the offset.
QString timeZoneLabel(const QDateTime &at)
{
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QString id = QString::fromUtf8(zone.id());
    const QString offset = zone.displayName(at, QTimeZone::OffsetName);
    return id.isEmpty() || id == offset ? offset : tr("%1, %2").arg(id, offset);
}

QFont titleFont(const QWidget *widget)
{
    QFont font = widget->font();
    font.setBold(true);
    return font;
}

QRect titleRect(const QWidget *widget, const QString &title)
{
    const QFontMetrics metrics(titleFont(widget));
    const QRect room(Margin, Margin, widget->width() - 2 * Margin, 10000);
    const QRect text = metrics.boundingRect(room, Qt::TextWordWrap, title);
    return QRect(room.topLeft(), QSize(room.width(), text.height()));
}

// The views that draw the charts of `widget`: itself, or the chart views inside it.
QList<QGraphicsView *> chartViews(QWidget *widget)
{
    if (auto *view = qobject_cast<QGraphicsView *>(widget))
        return {view};
    return widget->findChildren<QGraphicsView *>();
}

// The title line, then each chart's scene where the chart sits in `widget`. Scenes are painted
// item by item, so a vector device gets vector marks and text.
void paintExport(QPainter *painter, QWidget *widget, const QString &title, int top)
{
    const QPalette palette = widget->palette();
    painter->fillRect(QRect(0, 0, widget->width(), top + widget->height()),
                      palette.color(QPalette::Window));
    painter->setFont(titleFont(widget));
    painter->setPen(palette.color(QPalette::WindowText));
    painter->drawText(titleRect(widget, title), Qt::TextWordWrap, title);
    painter->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    for (QGraphicsView *view : chartViews(widget)) {
        const QRect viewport = view->viewport()->rect();
        const QPoint at = view->viewport()->mapTo(widget, QPoint(0, 0)) + QPoint(0, top);
        view->render(painter, QRectF(at, viewport.size()), viewport, Qt::IgnoreAspectRatio);
    }
}

bool writePng(QWidget *widget, const QString &title, int top, QSaveFile *file, QString *error)
{
    const qreal dpr = widget->devicePixelRatioF();
    const QSize size(widget->width(), top + widget->height());
    QImage image(size * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    QPainter painter(&image);
    paintExport(&painter, widget, title, top);
    painter.end();
    QImageWriter writer(file, "png");
    writer.setText(QStringLiteral("Title"), title);
    writer.setText(QStringLiteral("Software"), QStringLiteral("SyncDeck"));
    if (writer.write(image))
        return true;
    *error = writer.errorString();
    return false;
}

// While it lives, the charts of `widget` draw their marks as shapes: the "light markers" they
// use on screen (one raster image stamped per run, much faster) would be <image> elements in
// an SVG.
class VectorMarkers
{
public:
    explicit VectorMarkers(QWidget *widget)
    {
        for (QGraphicsView *view : chartViews(widget)) {
            auto *chartView = qobject_cast<QChartView *>(view);
            const QList<QAbstractSeries *> all
                = chartView ? chartView->chart()->series() : QList<QAbstractSeries *> {};
            for (QAbstractSeries *series : all) {
                auto *xy = qobject_cast<QXYSeries *>(series);
                if (!xy || xy->lightMarker().isNull())
                    continue;
                m_saved.append({xy, xy->lightMarker()});
                xy->setLightMarker(QImage());
            }
        }
    }
    ~VectorMarkers()
    {
        for (const auto &[series, marker] : std::as_const(m_saved)) {
            if (series)
                series->setLightMarker(marker);
        }
    }
    VectorMarkers(const VectorMarkers &) = delete;
    VectorMarkers &operator=(const VectorMarkers &) = delete;

private:
    QList<std::pair<QPointer<QXYSeries>, QImage>> m_saved;
};

// QSvgGenerator of Qt 6.4 writes the title and description into the XML as they are: a
// data source named "A & <B>" would break the file. Escaped here unless this Qt does it.
QString svgText(const QString &text)
{
    static const bool escapes = [] {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator probe;
        probe.setOutputDevice(&buffer);
        probe.setTitle(QStringLiteral("&"));
        QPainter painter(&probe);
        painter.end();
        return buffer.data().contains("<title>&amp;</title>");
    }();
    return escapes ? text : text.toHtmlEscaped();
}

bool writeSvg(QWidget *widget, const QString &title, int top, QSaveFile *file)
{
    const QSize size(widget->width(), top + widget->height());
    QSvgGenerator svg;
    svg.setOutputDevice(file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    // The screen's resolution: fonts in points and the size in millimetres come out as shown.
    svg.setResolution(widget->logicalDpiX());
    svg.setTitle(svgText(title));
    svg.setDescription(svgText(tr("Sync history chart exported by SyncDeck")));
    const VectorMarkers vector(widget);
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    paintExport(&painter, widget, title, top);
    return painter.end();
}

} // namespace

QString exportTitle(const ChartExportContext &c)
{
    QStringList parts = {c.chart};
    if (!c.dataSource.isEmpty())
        parts << c.dataSource;
    if (c.from.isValid() && c.to.isValid())
        parts << tr("%1 to %2 (time zone %3)")
                     .arg(localTime(c.from), localTime(c.to), timeZoneLabel(c.from));
    return parts.join(QStringLiteral(" · "));
}

bool saveChartImage(QWidget *widget, const QString &title, const QString &path, ImageFormat format,
                    QString *error)
{
    QString problem;
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not create %1: %2. Choose a folder you can write to.")
                        .arg(path, file.errorString()));
    const int top = titleRect(widget, title).bottom() + Margin;
    if (format == ImageFormat::Png && !writePng(widget, title, top, &file, &problem)) {
        file.cancelWriting();
        return fail(
            tr("Could not write the image %1: %2. Check the free disk space.").arg(path, problem));
    }
    if (format == ImageFormat::Svg && !writeSvg(widget, title, top, &file)) {
        file.cancelWriting();
        return fail(tr("Could not draw the SVG image %1. Check the free disk space.").arg(path));
    }
    if (!file.commit())
        return fail(tr("Could not save %1: %2. The previous file, if any, is unchanged; check "
                       "the folder's permissions and free space.")
                        .arg(path, file.errorString()));
    return true;
}

} // namespace syncdeck::ui::charts
