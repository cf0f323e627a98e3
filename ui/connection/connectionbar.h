#pragma once

#include "connectioncontroller.h"

#include <QToolBar>

class QComboBox;
class QProcessEnvironment;
class QLineEdit;

namespace syncdeck::ui {

// The connection bar: profile (the demo, typed keys, or a profile of ~/.aws with how it gets
// credentials), region (editable: new regions work before SyncDeck knows them) and "Go to" for
// a data source ARN, console URL or three IDs.
class ConnectionBar : public QToolBar
{
    Q_OBJECT
public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    // Lists the demo (when there is one), "Enter keys…", "Environment credentials" (when
    // AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set: then it is the choice) and every
    // profile of ~/.aws.
    void fillProfiles(bool withDemo);
    static bool hasEnvironmentCredentials(const QProcessEnvironment &env);
    ConnectionChoice choice() const;
    // The chosen profile of ~/.aws; empty for the demo, typed keys or no choice.
    QString profileName() const;
    // True when ~/.aws defines the named profile (it is in the list).
    bool hasProfile(const QString &name) const;
    // Selects an entry without opening it (the command line); a profile that ~/.aws does not
    // list is added, so that opening it explains what is wrong.
    void choose(const ConnectionChoice &choice);
    void clearChoice();

    QString region() const;
    // Shows the region of the open connection, without asking to reconnect.
    void showRegion(const QString &region);

public slots:
    void focusGoTo();

signals:
    // The user picked an entry of the profile list (even the one already chosen).
    void profileChosen();
    // The user picked or finished typing a region.
    void regionChosen();
    void goToRequested(const QString &reference);

private:
    QComboBox *m_profile = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_goTo = nullptr;
};

} // namespace syncdeck::ui
