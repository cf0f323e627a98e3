#pragma once

#include <QMainWindow>

class QLabel;

namespace syncdeck::ui {

// The SyncDeck dashboard window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    QLabel *m_emptyState = nullptr;
};

} // namespace syncdeck::ui
