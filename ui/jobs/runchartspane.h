#pragma once

#include <QWidget>

namespace syncdeck::qbusiness {
class RunHistory;
}

namespace syncdeck::ui {

// The charts under the jobs table, as the window uses them: it feeds their run history with the
// table's pages and live refreshes and highlights the current run; a run clicked in a chart
// comes back as runActivated(). The composition root makes them (syncdeck_charts' ChartsPanel),
// so syncdeck_ui neither links nor includes QtCharts.
class RunChartsPane : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // The history the charts show.
    virtual qbusiness::RunHistory *model() const = 0;

public slots:
    // Marks the run in every chart (the table's current row); an empty ID marks none.
    virtual void highlightRun(const QString &executionId) = 0;
    // The listing's filters (e.g. "status Failed, last 7 days"): the KPIs and streaks are then
    // computed on those runs only, and the pane says so. Empty: the whole history is listed.
    virtual void setFilterScope(const QString &filters) = 0;
    // The data source shown, by name (its ID when the name is unknown): exports name it.
    virtual void setDataSourceName(const QString &name) = 0;

signals:
    // The user clicked a run in a chart.
    void runActivated(const QString &executionId);
};

} // namespace syncdeck::ui
