// The .deb as a user gets it: CPack builds it from this build tree into a temporary folder, it
// is unpacked into a throwaway root (never the real system), and the installed programs, desktop
// files, icons and man pages are checked where the desktop and man(1) look for them, with the
// validators distributions use.
#include <syncdeck/version.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\n" + out + err;
    }
};

Run run(const QString &program, const QStringList &arguments, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {false, -1, p.readAllStandardOutput(),
                "timed out or did not start: " + p.errorString().toUtf8()};
    }
    return {true, p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(), p.readAllStandardError()};
}

QString appId()
{
    return QString::fromLatin1(syncdeck::AppId);
}

QStringList iconSizes()
{
    return QString::fromLatin1(SYNCDECK_ICON_SIZES).split(QLatin1Char(','));
}

const char *const Programs[] = {"syncdeck", "syncdeck-cli", "syncdeck-emulator"};

// The long options a --help text lists: QCommandLineParser's "  -x, --name <value>   text" and
// a hand-written "  --name VALUE   text" alike.
QStringList optionsListedIn(const QByteArray &help)
{
    static const QRegularExpression optionLine(
        QStringLiteral("^\\s+(?:-[a-zA-Z?], )*--([a-z0-9][a-z0-9-]*)"),
        QRegularExpression::MultilineOption);
    QStringList options;
    for (auto it = optionLine.globalMatch(QString::fromUtf8(help)); it.hasNext();)
        options.append(it.next().captured(1));
    return options;
}

// In groff a hyphen is written "\-"; the name must not just be a prefix of another option.
bool describesOption(const QString &page, const QString &option)
{
    QString escaped = option;
    escaped.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    const QRegularExpression inPage(QStringLiteral("\\\\-\\\\-")
                                    + QRegularExpression::escape(escaped)
                                    + QStringLiteral("(?![a-z0-9]|\\\\-)"));
    return inPage.match(page).hasMatch();
}

} // namespace

class TestDebPackage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void controlFields_data();
    void controlFields();
    void installedFiles_data();
    void installedFiles();
    void icons_data();
    void icons();
    void programs_data();
    void programs();
    void manPages_data();
    void manPages();
    void cliManPageDescribesEveryCommand();
    void manPagesDescribeEveryOption_data();
    void manPagesDescribeEveryOption();
    void desktopEntry();
    void metainfo();
    void validateTree();
    void lintian();

private:
    QString rootPath(const QString &relative) const { return m_root + QLatin1Char('/') + relative; }
    QByteArray gunzip(const QString &path);

    QTemporaryDir m_tmp;
    QString m_deb;
    QString m_root;
};

void TestDebPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QSKIP("dpkg-deb is not installed: the .deb test runs on Debian-based systems (make deps)");
    QVERIFY2(m_tmp.isValid(), qPrintable(m_tmp.errorString()));

    // The package is made from this very build tree, exactly as `cpack` would, but into a
    // temporary folder so the test leaves nothing behind. gzip instead of the release's xz: the
    // sanitizer build's binaries are large and xz would spend most of the test compressing them.
    const QString out = m_tmp.filePath(QStringLiteral("out"));
    const Run cpack
        = run(QStringLiteral(SYNCDECK_CPACK),
              {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
               QStringLiteral(SYNCDECK_CPACK_CONFIG), QStringLiteral("-B"), out,
               QStringLiteral("-D"), QStringLiteral("CPACK_DEBIAN_COMPRESSION_TYPE=gzip")},
              240000);
    QVERIFY2(cpack.finished && cpack.exitCode == 0, cpack.describe().constData());
    const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QVERIFY2(debs.size() == 1, qPrintable(debs.join(QLatin1Char(' '))));
    m_deb = QDir(out).filePath(debs.first());

    m_root = m_tmp.filePath(QStringLiteral("root"));
    const Run extract = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
    QVERIFY2(extract.finished && extract.exitCode == 0, extract.describe().constData());
}

void TestDebPackage::controlFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("package") << QStringLiteral("Package") << QStringLiteral("^syncdeck$");
    QTest::newRow("version from project()")
        << QStringLiteral("Version")
        << QStringLiteral("^%1-\\d+$")
               .arg(QRegularExpression::escape(QString::fromLatin1(syncdeck::Version)));
    QTest::newRow("maintainer") << QStringLiteral("Maintainer")
                                << QStringLiteral("^[^<]+ <[^@> ]+@[^> ]+>$");
    QTest::newRow("section") << QStringLiteral("Section") << QStringLiteral("^utils$");
    // dpkg-shlibdeps derived the library dependencies from the binaries.
    QTest::newRow("depends on Qt Core")
        << QStringLiteral("Depends") << QStringLiteral("(^|, )libqt6core6 \\(>= [0-9.]+\\)");
    QTest::newRow("depends on Qt Widgets")
        << QStringLiteral("Depends") << QStringLiteral("(^|, )libqt6widgets6 \\(>= [0-9.]+\\)");
    QTest::newRow("depends on the SVG plugins")
        << QStringLiteral("Depends") << QStringLiteral("(^|, )libqt6svg6(,| |$)");
    // The history cache opens its SQLite file through this driver plugin (loaded at run time).
    QTest::newRow("depends on the SQLite driver")
        << QStringLiteral("Depends") << QStringLiteral("(^|, )libqt6sql6-sqlite(,| |$)");
    QTest::newRow("homepage") << QStringLiteral("Homepage") << QStringLiteral("^https://");
    QTest::newRow("description") << QStringLiteral("Description") << QStringLiteral("\n .\n");
}

void TestDebPackage::controlFields()
{
    QFETCH(QString, field);
    QFETCH(QString, pattern);
    const Run r = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, field});
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    const QString value = QString::fromUtf8(r.out).trimmed();
    QVERIFY2(QRegularExpression(pattern).match(value).hasMatch(),
             qPrintable(field + QStringLiteral(": '") + value + QStringLiteral("' does not match ")
                        + pattern));
}

void TestDebPackage::installedFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("executable");
    for (const char *program : Programs)
        QTest::newRow(program) << QStringLiteral("usr/bin/") + QLatin1String(program) << true;
    QTest::newRow("desktop entry")
        << QStringLiteral("usr/share/applications/%1.desktop").arg(appId()) << false;
    QTest::newRow("metainfo") << QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(appId())
                              << false;
    QTest::newRow("scalable icon")
        << QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(appId()) << false;
    QTest::newRow("copyright") << QStringLiteral("usr/share/doc/syncdeck/copyright") << false;
    QTest::newRow("changelog") << QStringLiteral("usr/share/doc/syncdeck/changelog.Debian.gz")
                               << false;
    QTest::newRow("lintian overrides")
        << QStringLiteral("usr/share/lintian/overrides/syncdeck") << false;
}

void TestDebPackage::installedFiles()
{
    QFETCH(QString, path);
    QFETCH(bool, executable);
    const QFileInfo info(rootPath(path));
    QVERIFY2(info.isFile() && info.size() > 0, qPrintable(path + QStringLiteral(" is missing")));
    const QFile::Permissions expected = executable
        ? QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther
        : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    const QFile::Permissions mask = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
        | QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
        | QFile::WriteOther | QFile::ExeOther;
    QCOMPARE(info.permissions() & mask, expected);
}

void TestDebPackage::icons_data()
{
    QTest::addColumn<int>("size");
    for (const QString &size : iconSizes())
        QTest::newRow(qPrintable(size + QLatin1Char('x') + size)) << size.toInt();
}

void TestDebPackage::icons()
{
    QFETCH(int, size);
    const QString path = rootPath(
        QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(appId()));
    QImage image;
    QVERIFY2(image.load(path, "PNG"), qPrintable(path + QStringLiteral(" is not a PNG")));
    QCOMPARE(image.size(), QSize(size, size));
    // A rendered icon, not an empty canvas: the corners are transparent, the middle is not.
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
}

void TestDebPackage::programs_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syncdeck-cli") << QStringLiteral("syncdeck-cli")
                                  << QStringLiteral("syncdeck-cli");
    QTest::newRow("syncdeck (offscreen)")
        << QStringLiteral("syncdeck") << QStringLiteral("SyncDeck");
    QTest::newRow("syncdeck-emulator")
        << QStringLiteral("syncdeck-emulator") << QStringLiteral("syncdeck-emulator");
}

void TestDebPackage::programs()
{
    QFETCH(QString, program);
    QFETCH(QString, expected);
    // The installed copy, stripped by CPack, linked against the system's Qt.
    const Run r
        = run(rootPath(QStringLiteral("usr/bin/") + program), {QStringLiteral("--version")});
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    QCOMPARE(QString::fromUtf8(r.out).trimmed(),
             expected + QLatin1Char(' ') + QString::fromLatin1(syncdeck::Version));
}

QByteArray TestDebPackage::gunzip(const QString &path)
{
    const Run r = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    return r.finished && r.exitCode == 0 ? r.out : QByteArray();
}

void TestDebPackage::manPages_data()
{
    QTest::addColumn<QString>("program");
    for (const char *program : Programs)
        QTest::newRow(program) << QString::fromLatin1(program);
}

void TestDebPackage::manPages()
{
    QFETCH(QString, program);
    const QString path = rootPath(QStringLiteral("usr/share/man/man1/%1.1.gz").arg(program));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(" is missing")));
    const QByteArray header = file.read(10);
    QVERIFY(header.size() == 10 && header.startsWith("\x1f\x8b"));
    // gzip -n: no file name flag and no timestamp, so the package is reproducible.
    QCOMPARE(header.at(3) & 0x08, 0);
    QCOMPARE(header.mid(4, 4), QByteArray(4, '\0'));

    const QByteArray source = gunzip(path);
    QVERIFY2(source.contains(".SH NAME\n"), source.left(200).constData());
    QVERIFY(source.contains(QByteArray(QByteArray("SyncDeck ") + syncdeck::Version)));

    // What lintian runs: any warning from man/groff fails.
    if (QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty())
        QSKIP("man is not installed (package man-db)");
    QProcess man;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
    man.setProcessEnvironment(env);
    man.start(QStringLiteral("man"),
              {QStringLiteral("--warnings"), QStringLiteral("-E"), QStringLiteral("UTF-8"),
               QStringLiteral("-l"), QStringLiteral("-Tutf8"), QStringLiteral("-Z"), path});
    QVERIFY(man.waitForFinished(60000));
    QCOMPARE(man.exitCode(), 0);
    const QByteArray warnings = man.readAllStandardError();
    QVERIFY2(warnings.isEmpty(), warnings.constData());
    QVERIFY(!man.readAllStandardOutput().isEmpty());
}

void TestDebPackage::cliManPageDescribesEveryCommand()
{
    const Run help
        = run(rootPath(QStringLiteral("usr/bin/syncdeck-cli")), {QStringLiteral("--help")});
    QVERIFY2(help.finished && help.exitCode == 0, help.describe().constData());
    const QByteArray page
        = gunzip(rootPath(QStringLiteral("usr/share/man/man1/syncdeck-cli.1.gz")));
    QVERIFY(!page.isEmpty());

    // `--help` lists "  <command>   <summary>" between "Commands:" and the next blank line.
    const QList<QByteArray> lines = help.out.split('\n');
    const qsizetype start = lines.indexOf("Commands:");
    QVERIFY2(start >= 0, help.out.constData());
    qsizetype commands = 0;
    for (qsizetype i = start + 1; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i) {
        const QByteArray command = lines.at(i).trimmed().split(' ').first();
        QByteArray escaped = command;
        escaped.replace("-", "\\-");
        QVERIFY2(page.contains(QByteArray(".B " + escaped)),
                 qPrintable(QStringLiteral("syncdeck-cli has the command '%1' but its man page "
                                           "does not describe it: add it under COMMANDS in "
                                           "packaging/linux/man/syncdeck-cli.1.in")
                                .arg(QString::fromUtf8(command))));
        ++commands;

        // And every option the command's own --help lists.
        const Run commandHelp = run(rootPath(QStringLiteral("usr/bin/syncdeck-cli")),
                                    {QString::fromUtf8(command), QStringLiteral("--help")});
        QVERIFY2(commandHelp.finished && commandHelp.exitCode == 0,
                 commandHelp.describe().constData());
        const QStringList options = optionsListedIn(commandHelp.out);
        QVERIFY2(options.contains(QStringLiteral("help")), commandHelp.out.constData());
        for (const QString &option : options) {
            QVERIFY2(describesOption(QString::fromUtf8(page), option),
                     qPrintable(QStringLiteral("syncdeck-cli %1 --help lists --%2 but the man "
                                               "page does not describe it: add it to "
                                               "packaging/linux/man/syncdeck-cli.1.in")
                                    .arg(QString::fromUtf8(command), option)));
        }
    }
    qInfo("syncdeck-cli lists %d commands; the man page describes them and their options",
          int(commands));
}

void TestDebPackage::manPagesDescribeEveryOption_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<bool>("listsOptions"); // syncdeck-cli lists commands; they have their own test
    QTest::newRow("syncdeck") << QStringLiteral("syncdeck") << true;
    QTest::newRow("syncdeck-cli") << QStringLiteral("syncdeck-cli") << false;
    QTest::newRow("syncdeck-emulator") << QStringLiteral("syncdeck-emulator") << true;
}

void TestDebPackage::manPagesDescribeEveryOption()
{
    QFETCH(QString, program);
    QFETCH(bool, listsOptions);
    const Run help
        = run(rootPath(QStringLiteral("usr/bin/") + program), {QStringLiteral("--help")});
    QVERIFY2(help.finished && help.exitCode == 0, help.describe().constData());
    const QString page = QString::fromUtf8(
        gunzip(rootPath(QStringLiteral("usr/share/man/man1/%1.1.gz").arg(program))));
    QVERIFY(!page.isEmpty());

    const QStringList options = optionsListedIn(help.out);
    QVERIFY2(!listsOptions || options.contains(QStringLiteral("version")), help.out.constData());
    for (const QString &option : options) {
        QVERIFY2(describesOption(page, option),
                 qPrintable(QStringLiteral("%1 --help lists --%2 but its man page does not "
                                           "describe it: add it under OPTIONS in "
                                           "packaging/linux/man/%1.1.in")
                                .arg(program, option)));
    }
}

void TestDebPackage::desktopEntry()
{
    const QString path = rootPath(QStringLiteral("usr/share/applications/%1.desktop").arg(appId()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QByteArray entry = file.readAll();
    QVERIFY(entry.contains(QByteArray("\nIcon=" + appId().toUtf8() + '\n')));
    QVERIFY(entry.contains("\nExec=syncdeck\n"));

    if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty())
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    const Run r = run(QStringLiteral("desktop-file-validate"), {path});
    QVERIFY2(r.finished && r.exitCode == 0 && r.out.isEmpty(), r.describe().constData());
}

void TestDebPackage::metainfo()
{
    const QString path
        = rootPath(QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(appId()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QByteArray xml = file.readAll();
    QVERIFY(xml.contains(QByteArray("<id>" + appId().toUtf8() + "</id>")));
    QVERIFY(xml.contains(
        QByteArray("<launchable type=\"desktop-id\">" + appId().toUtf8() + ".desktop<")));
    QVERIFY(xml.contains(QByteArray("<release version=\"" + QByteArray(syncdeck::Version) + '"')));

    if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
        QSKIP("appstreamcli is not installed (package appstream)");
    const Run r = run(QStringLiteral("appstreamcli"),
                      {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
}

void TestDebPackage::validateTree()
{
    if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
        QSKIP("appstreamcli is not installed (package appstream)");
    const Run r = run(QStringLiteral("appstreamcli"),
                      {QStringLiteral("validate-tree"), QStringLiteral("--no-net"), m_root});
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
}

void TestDebPackage::lintian()
{
    if (QStandardPaths::findExecutable(QStringLiteral("lintian")).isEmpty())
        QSKIP("lintian is not installed (make deps installs it)");
    // This is the CI build (sanitizers, no Debian hardening flags), so only errors and warnings
    // count here; `make package` checks the release package the same way and shows info tags.
    const Run r
        = run(QStringLiteral("lintian"),
              {QStringLiteral("--fail-on"), QStringLiteral("error,warning"), m_deb}, 180000);
    QVERIFY2(r.finished && r.exitCode == 0, r.describe().constData());
    const QByteArray tags = r.out + r.err;
    QVERIFY2(!QRegularExpression(QStringLiteral("^[EW]: "), QRegularExpression::MultilineOption)
                  .match(QString::fromUtf8(tags))
                  .hasMatch(),
             tags.constData());
}

QTEST_GUILESS_MAIN(TestDebPackage)
#include "tst_debpackage.moc"
