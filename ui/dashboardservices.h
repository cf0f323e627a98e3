#pragma once

#include <QWidget>

#include <functional>

namespace syncdeck::ui {

class DemoService;
class RunChartsPane;

// What the composition root (app/gui/main.cpp) hands the window: the parts that ui/ may not
// make itself because they live in other layers.
struct DashboardServices
{
    // The built-in demo service; nullptr: no Demo profile. Must outlive the window.
    DemoService *demo = nullptr;
    // Makes the charts pane (syncdeck_charts' ChartsPanel); empty: no charts dock.
    std::function<RunChartsPane *(QWidget *parent)> makeChartsPane;
};

} // namespace syncdeck::ui
