#include "chartexport.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace syncdeck::ui::charts {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("syncdeck::ui::charts::ChartExport", text);
}
} // namespace

bool saveWidgetImage(QWidget *widget, const QString &path, ImageFormat format, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Could not create %1: %2. Choose a folder you can write to.")
                        .arg(path, file.errorString()));
    if (format == ImageFormat::Png) {
        const QImage image = widget->grab().toImage();
        QImageWriter writer(&file, "png");
        if (!writer.write(image)) {
            file.cancelWriting();
            return fail(tr("Could not write the image %1: %2. Check the free disk space.")
                            .arg(path, writer.errorString()));
        }
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(widget->size());
        svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
        svg.setTitle(widget->windowTitle().isEmpty() ? QStringLiteral("SyncDeck chart")
                                                     : widget->windowTitle());
        svg.setDescription(tr("Sync history chart exported by SyncDeck"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            file.cancelWriting();
            return fail(tr("Could not start the SVG drawing for %1.").arg(path));
        }
        widget->render(&painter);
        painter.end();
    }
    if (!file.commit())
        return fail(tr("Could not save %1: %2. The previous file, if any, is unchanged; check "
                       "the folder's permissions and free space.")
                        .arg(path, file.errorString()));
    return true;
}

} // namespace syncdeck::ui::charts
