#include "settings/windowsettings.h"

#include <QTest>

using syncdeck::qbusiness::ResourceReference;
using syncdeck::ui::WindowSettings;

Q_DECLARE_METATYPE(ResourceReference)

class tst_WindowSettings : public QObject
{
    Q_OBJECT
private slots:
    void rememberConnection_data();
    void rememberConnection();
    void profileToReopen_data();
    void profileToReopen();
};

namespace {

ResourceReference ids(const QString &app, const QString &index, const QString &source)
{
    return {{}, app, index, source};
}

} // namespace

void tst_WindowSettings::rememberConnection_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<ResourceReference>("selection");
    QTest::addColumn<bool>("hasDataSource");
    QTest::addColumn<QString>("launchProfile");
    QTest::addColumn<ResourceReference>("launchIds");
    QTest::addColumn<QString>("expectedProfile");
    QTest::addColumn<QString>("expectedDataSource");

    // Remembered before: profile "work" with data source ds-old.
    QTest::newRow("same profile, new data source")
        << QStringLiteral("work")
        << ids(QStringLiteral("app"), QStringLiteral("idx"), QStringLiteral("ds-new")) << true
        << QString() << ResourceReference() << QStringLiteral("work") << QStringLiteral("ds-new");
    QTest::newRow("same profile, nothing picked yet keeps the data source")
        << QStringLiteral("work") << ResourceReference() << false << QString()
        << ResourceReference() << QStringLiteral("work") << QStringLiteral("ds-old");
    QTest::newRow("another profile forgets the other account's IDs")
        << QStringLiteral("home") << ResourceReference() << false << QString()
        << ResourceReference() << QStringLiteral("home") << QString();
    QTest::newRow("the command line's profile is not a choice")
        << QStringLiteral("cli")
        << ids(QStringLiteral("app"), QStringLiteral("idx"), QStringLiteral("ds-cli")) << true
        << QStringLiteral("cli") << ResourceReference() << QStringLiteral("work")
        << QStringLiteral("ds-old");
    QTest::newRow("the command line's data source is not a choice")
        << QStringLiteral("work")
        << ids(QStringLiteral("app"), QStringLiteral("idx"), QStringLiteral("ds-cli")) << true
        << QString() << ids(QStringLiteral("app"), QStringLiteral("idx"), QStringLiteral("ds-cli"))
        << QStringLiteral("work") << QStringLiteral("ds-old");
}

void tst_WindowSettings::rememberConnection()
{
    QFETCH(QString, profile);
    QFETCH(ResourceReference, selection);
    QFETCH(bool, hasDataSource);
    QFETCH(QString, launchProfile);
    QFETCH(ResourceReference, launchIds);
    QFETCH(QString, expectedProfile);
    QFETCH(QString, expectedDataSource);

    WindowSettings s;
    s.profile = QStringLiteral("work");
    s.applicationId = QStringLiteral("app");
    s.indexId = QStringLiteral("idx");
    s.dataSourceId = QStringLiteral("ds-old");
    s.rememberConnection(profile, selection, hasDataSource, launchProfile, launchIds);
    QCOMPARE(s.profile, expectedProfile);
    QCOMPARE(s.dataSourceId, expectedDataSource);
}

void tst_WindowSettings::profileToReopen_data()
{
    QTest::addColumn<QString>("remembered");
    QTest::addColumn<QString>("awsProfile");
    QTest::addColumn<QStringList>("defined");
    QTest::addColumn<QString>("expected");

    const QStringList all {QStringLiteral("work"), QStringLiteral("env"),
                           QStringLiteral("default")};
    QTest::newRow("remembered") << QStringLiteral("work") << QStringLiteral("env") << all
                                << QStringLiteral("work");
    QTest::newRow("remembered gone: AWS_PROFILE")
        << QStringLiteral("gone") << QStringLiteral("env") << all << QStringLiteral("env");
    QTest::newRow("none remembered: AWS_PROFILE")
        << QString() << QStringLiteral("env") << all << QStringLiteral("env");
    QTest::newRow("default") << QString() << QString() << all << QStringLiteral("default");
    QTest::newRow("AWS_PROFILE undefined: none")
        << QString() << QStringLiteral("env")
        << QStringList {QStringLiteral("work"), QStringLiteral("default")} << QString();
    QTest::newRow("nothing defined")
        << QStringLiteral("work") << QString() << QStringList() << QString();
}

void tst_WindowSettings::profileToReopen()
{
    QFETCH(QString, remembered);
    QFETCH(QString, awsProfile);
    QFETCH(QStringList, defined);
    QFETCH(QString, expected);

    if (awsProfile.isEmpty())
        qunsetenv("AWS_PROFILE");
    else
        qputenv("AWS_PROFILE", awsProfile.toUtf8());
    WindowSettings s;
    s.profile = remembered;
    QCOMPARE(s.profileToReopen([&](const QString &name) { return defined.contains(name); }),
             expected);
}

QTEST_GUILESS_MAIN(tst_WindowSettings)
#include "tst_windowsettings.moc"
