#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace syncdeck::ui {

// Moves keyboard focus between the panes of a window: F6 / Shift+F6 go to the next / previous
// pane (the convention of browsers, KDE and Windows applications), and each pane has an action
// of its own ("Move focus to …") for the View menu. Panes join in cycle order with addPane();
// views built later (report, fleet) register the same way. A pane that is not shown (a closed
// dock, a collapsed tool bar) is skipped by F6; its own action shows its dock first.
class PaneCycler : public QObject
{
    Q_OBJECT
public:
    // The F6 / Shift+F6 actions are added to `window` (window-wide shortcuts).
    explicit PaneCycler(QWidget *window);

    // Registers `pane` (not owned) as the last pane of the cycle and returns its action, named
    // `title` ("Jobs table"), with `shortcut`; the caller lists it in a menu.
    QAction *addPane(QWidget *pane, const QString &title, const QKeySequence &shortcut = {});
    QList<QWidget *> panes() const;
    // The pane that holds the focus widget, or -1.
    int currentPane() const;

    QAction *nextPaneAction() const { return m_next; }
    QAction *previousPaneAction() const { return m_previous; }

public slots:
    void focusNextPane();
    void focusPreviousPane();
    // Shows the pane (its dock, if closed) and gives it the focus; false when it cannot take it.
    bool focusPane(int index);

private:
    void step(int direction);
    static bool isShown(const QWidget *pane);
    static QWidget *focusTarget(QWidget *pane);

    QWidget *m_window = nullptr;
    QList<QPointer<QWidget>> m_panes;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
};

} // namespace syncdeck::ui
