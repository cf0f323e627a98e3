#pragma once

#include "qbusiness/runhistory.h"
#include "refreshqueue.h"
#include "timeticks.h"

#include <QChartView>
#include <QPointer>

#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
class QAbstractSeries;

namespace syncdeck::ui::charts {

// A chart of runs over time, read from a RunHistory: keeps its series and axes for its
// whole life and, on every model change, replaces each series' points in one batch (prepared,
// downsampled to the plot width). Hovering names the run under the mouse; clicking a run emits
// runActivated(); highlightRun() marks a run with a vertical line. A chart that is hidden (a
// background tab) skips refreshes and catches up when shown.
class RunChartView : public QChartView
{
    Q_OBJECT
public:
    explicit RunChartView(QWidget *parent = nullptr);
    ~RunChartView() override;

    void setModel(qbusiness::RunHistory *model);
    qbusiness::RunHistory *model() const { return m_model; }
    // With a queue, a change of the model is drawn on a later turn of the event loop (see
    // RefreshQueue); without one (the default), at once.
    void setRefreshQueue(RefreshQueue *queue) { m_refreshQueue = queue; }
    QDateTimeAxis *timeAxis() const { return m_timeAxis; }

    // Recomputes every series now (also while hidden: exports call this before rendering).
    void refreshNow();
    bool isStale() const { return m_stale; }
    QString highlightedRun() const { return m_highlighted; }
    // The vertical line marking the highlighted run (empty when none is shown).
    QLineSeries *highlightLine() const { return m_highlightLine; }
    // The model index of the run drawn at a viewport position, or -1.
    virtual int runAt(const QPoint &viewportPos) const;
    // Where a run is drawn, in viewport coordinates; none when it is not plotted.
    std::optional<QPoint> viewportPositionOf(int index) const;
    // Tooltip text for the run (plain server text, escaped into rich text).
    QString toolTipForRun(int index) const;
    // Points handed to QtCharts at the last refresh, over all series.
    virtual int displayedPointCount() const = 0;
    // A size of its own, from the font: a graphics view's hint is its scene plus the frame, so
    // in a layout asked for its height for a width (a pane in a resizable scroll area) the
    // chart grew by its frame at every relayout, and redrew each time.
    QSize sizeHint() const override;

public slots:
    void highlightRun(const QString &executionId);
    // Refreshes if shown, otherwise marks the chart stale.
    void refresh();

signals:
    void runActivated(const QString &executionId);

protected:
    // Replace the points of every series for [fromMs, toMs] drawn over `pixels` of plot width.
    // Prepare every point list first, then call beginApply(), then set the value axes and
    // replace the points: QtCharts recomputes a series' geometry (a costly stroke of its path)
    // on every axis change, so series are emptied before the axes move and filled once after.
    virtual void updateSeries(double fromMs, double toMs, int pixels) = 0;
    // Empties the line and area series and moves the time axis to [m_fromMs, m_toMs].
    void beginApply();
    // Sets axis to [0, a round number >= max] with five ticks, in one range change.
    static void setNiceRange(QValueAxis *axis, double max);
    // The series whose axes map values to positions (time axis + the main y axis).
    virtual QAbstractSeries *referenceSeries() const = 0;
    virtual QValueAxis *valueAxis() const = 0;
    // The y value at which a run is drawn (for its position and hit testing).
    virtual double runY(int index) const = 0;
    // Statuses a click at this value may select (the lane under the mouse, for example).
    virtual quint32 statusMaskAt(const QPointF &value) const;
    // Rich text for the tooltip at a viewport position over run `index`.
    virtual QString toolTipAt(const QPoint &viewportPos, int index) const;
    // Colours follow the palette: called on construction and palette changes.
    virtual void applyColors();
    // Adds the highlight line; subclasses call this after their axes exist.
    void attachHighlight();

    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void leaveEvent(QEvent *event) override;

    QPointF toChart(const QPoint &viewportPos) const;
    int plotWidthPixels() const;

    QDateTimeAxis *m_timeAxis = nullptr;
    double m_fromMs = 0;
    CalendarTicks m_ticks; // where the time axis puts its ticks (m_fromMs to m_toMs)
    double m_toMs = 0;

private:
    void updateTimeAxis();
    void placeHighlight();

    QPointer<qbusiness::RunHistory> m_model;
    QPointer<RefreshQueue> m_refreshQueue;
    QList<QMetaObject::Connection> m_modelConnections;
    QLineSeries *m_highlightLine = nullptr;
    QString m_highlighted;
    QPoint m_pressPos;
    bool m_stale = true;
    int m_bucketedWidth = 0; // plot width the series were last bucketed for
    bool m_rebucketQueued = false;
};

} // namespace syncdeck::ui::charts
