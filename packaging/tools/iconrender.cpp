// syncdeck-iconrender: build-time tool that renders the SVG app icon into the PNG sizes the
// freedesktop hicolor theme (and the Windows .ico) need. It exists so the build needs nothing
// beyond Qt: rsvg-convert and Inkscape are not build dependencies.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextStream>

namespace {

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image;
}

// Writes through QSaveFile so an interrupted build never leaves a truncated PNG behind that
// make would then consider up to date.
bool write(const QImage &image, const QString &path, const char *format, QTextStream &err)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        err << "syncdeck-iconrender: cannot create the folder for " << path << '\n';
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        err << "syncdeck-iconrender: cannot write " << path << ": " << file.errorString() << '\n';
        return false;
    }
    QImageWriter writer(&file, format);
    if (!writer.write(image) || !file.commit()) {
        err << "syncdeck-iconrender: writing " << path << " failed: " << writer.errorString()
            << '\n';
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncdeck-iconrender"));
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Renders an SVG icon into hicolor PNGs: OUTDIR/<size>x<size>/apps/<name>.png."));
    parser.addHelpOption();
    const QCommandLineOption sizesOption(QStringLiteral("sizes"),
                                         QStringLiteral("Comma-separated pixel sizes."),
                                         QStringLiteral("list"), QStringLiteral("16,32,48"));
    const QCommandLineOption icoOption(QStringLiteral("ico"),
                                       QStringLiteral("Also write a Windows .ico (256 pixels)."),
                                       QStringLiteral("file"));
    parser.addOption(sizesOption);
    parser.addOption(icoOption);
    parser.addPositionalArgument(QStringLiteral("svg"), QStringLiteral("The SVG icon."));
    parser.addPositionalArgument(QStringLiteral("outdir"), QStringLiteral("The hicolor folder."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("The icon name."));
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3) {
        err << "syncdeck-iconrender: expected SVG OUTDIR NAME; see --help\n";
        return 2;
    }
    QSvgRenderer renderer(positional.at(0));
    if (!renderer.isValid()) {
        err << "syncdeck-iconrender: " << positional.at(0)
            << " is not a readable SVG file; fix or restore resources/icons/syncdeck.svg\n";
        return 1;
    }

    QList<int> sizes;
    for (const QString &field : parser.value(sizesOption).split(QLatin1Char(','))) {
        bool ok = false;
        const int size = field.trimmed().toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            err << "syncdeck-iconrender: '" << field
                << "' is not a pixel size; give --sizes as numbers from 1 to 4096\n";
            return 2;
        }
        sizes.append(size);
    }

    const QString outDir = positional.at(1);
    const QString name = positional.at(2);
    for (int size : sizes) {
        const QString path = QStringLiteral("%1/%2x%2/apps/%3.png").arg(outDir).arg(size).arg(name);
        if (!write(render(renderer, size), path, "png", err))
            return 1;
    }
    if (parser.isSet(icoOption)
        && !write(render(renderer, 256), parser.value(icoOption), "ico", err))
        return 1;
    return 0;
}
