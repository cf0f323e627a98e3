#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;
class QStackedWidget;
class QWidget;

namespace syncdeck::qbusiness {
class Client;
}

namespace syncdeck::ui {

class FleetPage;

// Which central page shows: the fleet overview or the sync history of one data source. It owns
// the Fleet overview and Back to the fleet actions (in the View menu and the navigation bar). For a
// new connection the fleet comes first unless a data source was asked for (the command line, Go to,
// the demo), and gives way to the history when its first scan finds a single data source.
class FleetNavigator : public QObject
{
    Q_OBJECT
public:
    // The actions join `viewMenu` and the window's navigation bar at once, before the pages
    // exist (setPages()).
    FleetNavigator(QMainWindow *window, QMenu *viewMenu);

    // The central stack and its two pages; the fleet's first scan settles the first view.
    void setPages(QStackedWidget *pages, FleetPage *fleet, QWidget *history);

    QAction *fleetAction() const { return m_fleetAction; }
    QAction *backAction() const { return m_backAction; }
    bool isFleetShown() const;

    // Whether a data source was asked for: then it, not the fleet, comes first.
    void setDataSourceAsked(bool asked) { m_dataSourceAsked = asked; }
    // A connection opened: shows the fleet first (and lets it scan) unless a data source was
    // asked for or `demo`.
    void openConnection(qbusiness::Client *client, bool demo);
    void closeConnection();
    // The connection is about to reopen in another region of the same choice, for a data
    // source of that region opened from the fleet: the fleet keeps its rows and scope and takes
    // the next connection's client instead of starting over.
    void keepFleetAcrossReconnect() { m_keepFleet = true; }

public slots:
    // The reopening failed: the kept fleet belongs to no connection any more.
    void dropKeptFleet();
    void showFleet();
    // Shows the history, with Back to the fleet.
    void showHistory();
    // Shows the history page when the fleet is shown (a data source picked by hand).
    void leaveFleet();
    // Shows the asked-for data source's history (Go to), Back staying as it is.
    void showAskedHistory();

private:
    // The fleet's first scan of a connection ended: it stays the first view only when the
    // profile has more than one data source.
    void settleFirstView(int dataSources);

    QStackedWidget *m_pages = nullptr;
    FleetPage *m_fleet = nullptr;
    QWidget *m_history = nullptr;
    QAction *m_fleetAction = nullptr;
    QAction *m_backAction = nullptr;
    bool m_dataSourceAsked = false;
    bool m_firstViewSettled = false;
    bool m_keepFleet = false; // keepFleetAcrossReconnect(): until the connection closes
    bool m_adoptNext = false; // closed with the fleet kept: the next client joins it
};

} // namespace syncdeck::ui
