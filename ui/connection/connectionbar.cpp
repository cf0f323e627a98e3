#include "connectionbar.h"

#include "aws/awsconfig.h"
#include "aws/profilecatalogue.h"
#include "widgets/plaintext.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>

namespace syncdeck::ui {

namespace {

// Profile list item data: which kind of connection an entry makes.
constexpr char DemoProfile[] = "demo:";
constexpr char KeysProfile[] = "keys:";
constexpr char NamedProfile[] = "profile:";
constexpr char EnvironmentProfile[] = "env:";
// Set on a profile entry added by choose() because ~/.aws does not define it.
constexpr int NotInFilesRole = Qt::UserRole + 1;

QString profileData(const QString &name)
{
    return QString::fromLatin1(NamedProfile) + name;
}

// Regions where Amazon Q Business is offered; the list stays editable for new ones.
const QStringList QBusinessRegions = {
    QStringLiteral("us-east-1"),      QStringLiteral("us-west-2"),
    QStringLiteral("eu-west-1"),      QStringLiteral("ap-southeast-2"),
    QStringLiteral("ca-central-1"),   QStringLiteral("ap-south-1"),
    QStringLiteral("eu-central-1"),   QStringLiteral("eu-west-2"),
    QStringLiteral("ap-northeast-1"), QStringLiteral("ap-southeast-1"),
};

} // namespace

ConnectionBar::ConnectionBar(QWidget *parent)
    : QToolBar(tr("Connection"), parent)
{
    setObjectName(QStringLiteral("connectionBar"));
    setMovable(false);

    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setAccessibleName(tr("Profile"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    profileLabel->setBuddy(m_profile);
    auto *regionLabel = new QLabel(tr("Reg&ion:"), this);
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("region"));
    m_region->setEditable(true);
    m_region->addItems(QBusinessRegions);
    m_region->setAccessibleName(tr("Region"));
    m_region->setInsertPolicy(QComboBox::NoInsert);
    regionLabel->setBuddy(m_region);
    auto *goToLabel = new QLabel(tr("&Go to:"), this);
    m_goTo = new QLineEdit(this);
    m_goTo->setObjectName(QStringLiteral("goTo"));
    m_goTo->setPlaceholderText(tr("data source ARN, console URL, or app/index/data source IDs"));
    m_goTo->setAccessibleName(tr("Go to data source"));
    m_goTo->setClearButtonEnabled(true);
    m_goTo->setMinimumWidth(260);
    goToLabel->setBuddy(m_goTo);

    addWidget(profileLabel);
    addWidget(m_profile);
    addSeparator();
    addWidget(regionLabel);
    addWidget(m_region);
    addSeparator();
    addWidget(goToLabel);
    addWidget(m_goTo);

    connect(m_profile, &QComboBox::activated, this, &ConnectionBar::profileChosen);
    connect(m_region->lineEdit(), &QLineEdit::editingFinished, this, &ConnectionBar::regionChosen);
    connect(m_region, &QComboBox::activated, this, &ConnectionBar::regionChosen);
    connect(m_goTo, &QLineEdit::returnPressed, this,
            [this] { emit goToRequested(m_goTo->text()); });
}

void ConnectionBar::fillProfiles(bool withDemo)
{
    m_profile->clear();
    if (withDemo)
        m_profile->addItem(QIcon(QStringLiteral(":/icons/demo.svg")), tr("Demo (built-in service)"),
                           QString::fromLatin1(DemoProfile));
    m_profile->addItem(tr("Enter keys…"), QString::fromLatin1(KeysProfile));
    // The environment's keys, as the AWS CLI uses them when no profile is named. The key ID
    // names them; the secret and the session token are never shown.
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool fromEnvironment = hasEnvironmentCredentials(env);
    if (fromEnvironment) {
        const bool temporary = !env.value(QStringLiteral("AWS_SESSION_TOKEN")).isEmpty();
        m_profile->addItem(temporary ? tr("Environment credentials (temporary)")
                                     : tr("Environment credentials"),
                           QString::fromLatin1(EnvironmentProfile));
        m_profile->setItemData(
            m_profile->count() - 1,
            plainToolTip(tr("AWS_ACCESS_KEY_ID %1 and its secret key%2, from the environment")
                             .arg(env.value(QStringLiteral("AWS_ACCESS_KEY_ID")),
                                  temporary ? tr(" and session token") : QString())),
            Qt::ToolTipRole);
    }
    m_profile->insertSeparator(m_profile->count());
    // Every profile of ~/.aws with how it gets credentials, as the AWS CLI would read them.
    const aws::AwsConfig config = aws::AwsConfig::load(QProcessEnvironment::systemEnvironment());
    for (const aws::ProfileEntry &p : aws::profileCatalogue(config)) {
        QString label = QStringLiteral("%1 (%2)").arg(p.name, aws::credentialKindName(p.kind));
        if (!p.problems.isEmpty())
            label += tr(" — has errors");
        const int row = m_profile->count();
        m_profile->addItem(label, profileData(p.name));
        m_profile->setItemData(row,
                               plainToolTip(p.problems.isEmpty()
                                                ? tr("Defined at %1").arg(p.definedAt)
                                                : p.problems.join(QLatin1Char('\n'))),
                               Qt::ToolTipRole);
    }
    // Present and no profile chosen: what the AWS CLI would use is the choice.
    m_profile->setCurrentIndex(
        fromEnvironment ? m_profile->findData(QString::fromLatin1(EnvironmentProfile)) : -1);
    m_profile->setPlaceholderText(tr("Choose a profile"));
}

bool ConnectionBar::hasEnvironmentCredentials(const QProcessEnvironment &env)
{
    return !env.value(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty()
        && !env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY")).isEmpty();
}

bool ConnectionBar::hasProfile(const QString &name) const
{
    const int row = m_profile->findData(profileData(name));
    return row >= 0 && !m_profile->itemData(row, NotInFilesRole).toBool();
}

ConnectionChoice ConnectionBar::choice() const
{
    const QString data = m_profile->currentData().toString();
    if (data == QLatin1String(DemoProfile))
        return {ConnectionChoice::Kind::Demo, {}};
    if (data == QLatin1String(KeysProfile))
        return {ConnectionChoice::Kind::Keys, {}};
    if (data == QLatin1String(EnvironmentProfile))
        return {ConnectionChoice::Kind::Environment, {}};
    if (data.startsWith(QLatin1String(NamedProfile)))
        return {ConnectionChoice::Kind::Profile, data.mid(int(qstrlen(NamedProfile)))};
    return {};
}

QString ConnectionBar::profileName() const
{
    return choice().profile;
}

void ConnectionBar::choose(const ConnectionChoice &choice)
{
    QString data;
    switch (choice.kind) {
    case ConnectionChoice::Kind::Demo:
        data = QString::fromLatin1(DemoProfile);
        break;
    case ConnectionChoice::Kind::Keys:
        data = QString::fromLatin1(KeysProfile);
        break;
    case ConnectionChoice::Kind::Environment:
        data = QString::fromLatin1(EnvironmentProfile);
        break;
    case ConnectionChoice::Kind::Profile:
        data = profileData(choice.profile);
        break;
    case ConnectionChoice::Kind::None:
        clearChoice();
        return;
    }
    int row = m_profile->findData(data);
    if (row < 0 && choice.kind == ConnectionChoice::Kind::Profile) {
        m_profile->addItem(choice.profile, data);
        row = m_profile->count() - 1;
        m_profile->setItemData(row, true, NotInFilesRole);
        m_profile->setItemData(row, tr("Not defined in the AWS config or credentials file"),
                               Qt::ToolTipRole);
    }
    const QSignalBlocker blocker(m_profile);
    m_profile->setCurrentIndex(row);
}

void ConnectionBar::clearChoice()
{
    m_profile->setCurrentIndex(-1);
}

QString ConnectionBar::region() const
{
    return m_region->currentText().trimmed();
}

void ConnectionBar::showRegion(const QString &region)
{
    const QSignalBlocker blocker(m_region);
    m_region->setCurrentText(region);
}

void ConnectionBar::focusGoTo()
{
    m_goTo->setFocus(Qt::ShortcutFocusReason);
    m_goTo->selectAll();
}

} // namespace syncdeck::ui
