cmake_minimum_required(VERSION 3.24)
# Fails with the offending file and line when a folder includes a layer it must not see, or a
# target links what it must not. FACTS (generated at configure time) gives the Qt include
# folders and each target's direct link libraries.
include(${FACTS})

# Folder -> the project folders its quoted includes may name ("aws/sigv4.h"). Includes without
# a folder are the folder's own headers. A new folder must be added here, with its layer.
set(ALLOWED_app/core/aws "aws")
set(ALLOWED_app/core/qbusiness "aws;qbusiness")
set(ALLOWED_app/core/logs "aws;logs")
set(ALLOWED_app/core/report "aws;qbusiness;logs;report")
set(ALLOWED_app/core/emulator "aws;emulator")
set(ALLOWED_app/core/cli "aws;qbusiness;logs;report;fleet;cache;cli")
set(ALLOWED_app/core/cache "aws;qbusiness;fleet;cache")
set(ALLOWED_app/core/fleet "aws;qbusiness;fleet")
# ui: the window composes its feature folders; each feature uses the shared widgets and seams
# (widgets/), and none of them sees charts/ or emulator/ (the composition root injects both).
set(_ui_features "connection;details;fleet;jobs;notifications;report;resources;settings;widgets")
# ("report" names both ui/report and the core layer app/core/report: ui may see either;
# "fleet" likewise names ui/fleet and app/core/fleet.)
set(ALLOWED_ui "aws;qbusiness;logs;cache;${_ui_features}")
set(ALLOWED_ui/connection "aws;qbusiness;logs;widgets")
set(ALLOWED_ui/details "aws;qbusiness;widgets")
set(ALLOWED_ui/fleet "aws;qbusiness;fleet;widgets")
set(ALLOWED_ui/jobs "aws;qbusiness;cache;widgets")
set(ALLOWED_ui/notifications "aws;qbusiness;widgets")
set(ALLOWED_ui/report "aws;qbusiness;logs;report;widgets")
set(ALLOWED_ui/resources "aws;qbusiness;cache;widgets")
set(ALLOWED_ui/settings "aws;qbusiness;widgets")
set(ALLOWED_ui/widgets "aws;qbusiness")
# charts implements jobs/runchartspane.h and may use the ui helpers (it links syncdeck_ui).
set(ALLOWED_ui/charts "aws;qbusiness;charts;jobs;widgets")
set(GUI_FREE app/core/aws app/core/qbusiness app/core/emulator app/core/cli app/core/fleet
    app/core/cache app/core/logs app/core/report)

# Every header a Qt module installs, by the names a source can include it by.
function(qt_headers module out)
    set(names "")
    foreach(dir IN LISTS QT_${module}_DIRS)
        get_filename_component(leaf "${dir}" NAME)
        if(leaf STREQUAL "Qt${module}")
            file(GLOB files RELATIVE "${dir}" "${dir}/*")
            list(APPEND names ${files})
        endif()
    endforeach()
    set(${out} ${names} PARENT_SCOPE)
endfunction()
qt_headers(Gui gui_headers)
qt_headers(Widgets widgets_headers)
qt_headers(Charts charts_headers)
list(LENGTH charts_headers n_charts)
if(n_charts EQUAL 0)
    message(FATAL_ERROR "found no QtCharts headers in '${QT_Charts_DIRS}': the check cannot work")
endif()

set(offences "")
set(checked 0)
file(GLOB_RECURSE sources "${SOURCE_DIR}/app/core/*.h" "${SOURCE_DIR}/app/core/*.cpp"
    "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp")
foreach(f IN LISTS sources)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
    get_filename_component(folder "${rel}" DIRECTORY)
    if(NOT DEFINED ALLOWED_${folder})
        list(APPEND offences "${rel}: folder ${folder} has no layer in tests/layers/check_layers.cmake")
        continue()
    endif()
    math(EXPR checked "${checked} + 1")
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
        if(line MATCHES "#[ \t]*include[ \t]*\"([A-Za-z0-9_]+)/")
            set(dep "${CMAKE_MATCH_1}")
            if(NOT dep IN_LIST ALLOWED_${folder})
                list(APPEND offences "${rel}: ${line}  (${folder} may include: ${ALLOWED_${folder}})")
            endif()
        elseif(line MATCHES "#[ \t]*include[ \t]*<(Qt[A-Za-z]+/)?([A-Za-z0-9_.]+)>")
            set(module "${CMAKE_MATCH_1}")
            set(header "${CMAKE_MATCH_2}")
            set(is_charts FALSE)
            set(is_gui FALSE)
            if(module STREQUAL "QtCharts/" OR (NOT module AND header IN_LIST charts_headers))
                set(is_charts TRUE)
            endif()
            if(module MATCHES "^Qt(Gui|Widgets)/$" OR (NOT module AND (header IN_LIST gui_headers
                                                       OR header IN_LIST widgets_headers)))
                set(is_gui TRUE)
            endif()
            if(is_charts AND NOT folder STREQUAL "ui/charts")
                list(APPEND offences "${rel}: ${line}  (only ui/charts may use QtCharts)")
            elseif((is_gui OR is_charts) AND folder IN_LIST GUI_FREE)
                list(APPEND offences "${rel}: ${line}  (${folder} is GUI-free: QtCore/QtNetwork only)")
            endif()
        endif()
    endforeach()
endforeach()

# Link fences: direct link libraries of each target. CORE_LIBS: the GUI-free feature layers
# above qbusiness.
set(CORE_LIBS syncdeck_logs syncdeck_report syncdeck_fleet syncdeck_cache)
function(forbid target what why)
    if("${what}" IN_LIST LINKS_${target})
        set(offences ${offences} "${target} links ${what}: ${why}" PARENT_SCOPE)
    endif()
endfunction()
foreach(t syncdeck_aws syncdeck_qbusiness syncdeck_emulator syncdeck_cli ${CORE_LIBS}
        syncdeck-cli syncdeck-emulator)
    forbid(${t} Qt6::Gui "GUI-free layer")
    forbid(${t} Qt6::Widgets "GUI-free layer")
endforeach()
foreach(t syncdeck_aws syncdeck_qbusiness syncdeck_emulator syncdeck_cli ${CORE_LIBS} syncdeck_ui
        syncdeck syncdeck-cli syncdeck-emulator)
    forbid(${t} Qt6::Charts "only syncdeck_charts links QtCharts")
endforeach()
foreach(t syncdeck_aws syncdeck_qbusiness syncdeck_cli ${CORE_LIBS} syncdeck_ui syncdeck_charts
        syncdeck-cli)
    forbid(${t} syncdeck_emulator "only app/gui injects the demo service into the window")
endforeach()
forbid(syncdeck_ui syncdeck_charts "the composition root injects the charts into the window")
# QtCharts stays PRIVATE to syncdeck_charts: what links the charts does not get QtCharts.
if("Qt6::Charts" IN_LIST INTERFACE_LINKS_syncdeck_charts)
    list(APPEND offences "syncdeck_charts links Qt6::Charts PUBLIC: link it PRIVATE")
endif()
forbid(syncdeck_emulator syncdeck_qbusiness
    "the emulator is an independent implementation of the protocol")
forbid(syncdeck_emulator syncdeck_logs
    "the emulator is an independent implementation of the protocol")
forbid(syncdeck_logs syncdeck_qbusiness "CloudWatch Logs stands beside Q Business, not on it")

if(offences)
    list(JOIN offences "\n  " text)
    message(FATAL_ERROR "layer fences crossed:\n  ${text}")
endif()
message(STATUS "checked ${checked} files and the link graph: every fence holds")
