#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace syncdeck::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("SyncDeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/syncdeck.svg")));
    setMinimumSize(640, 400);
    resize(1200, 760);

    m_emptyState = new QLabel(tr("Choose a profile and a data source to see its sync jobs."), this);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setTextFormat(Qt::PlainText);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    setCentralWidget(m_emptyState);

    statusBar()->showMessage(tr("Not connected"));
}

MainWindow::~MainWindow() = default;

} // namespace syncdeck::ui
