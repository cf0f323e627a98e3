# macOS: syncdeck.app with its Info.plist and icon, Qt frameworks deployed into the bundle
# (macdeployqt underneath), shipped as a drag-and-drop .dmg. Not built on Linux; included from
# packaging/CMakeLists.txt only if(APPLE).

# The .icns is assembled from the rendered PNGs with iconutil, which every macOS has.
set(_iconset "${CMAKE_CURRENT_BINARY_DIR}/syncdeck.iconset")
set(_icns "${CMAKE_CURRENT_BINARY_DIR}/syncdeck.icns")
set(_iconset_commands "")
foreach(pair IN ITEMS 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x
                      256:256x256 512:256x256@2x 512:512x512)
    string(REPLACE ":" ";" pair "${pair}")
    list(GET pair 0 _px)
    list(GET pair 1 _name)
    list(APPEND _iconset_commands COMMAND ${CMAKE_COMMAND} -E copy
        "${SYNCDECK_ICON_DIR}/${_px}x${_px}/apps/${SYNCDECK_APP_ID}.png"
        "${_iconset}/icon_${_name}.png")
endforeach()
add_custom_command(OUTPUT "${_icns}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_iconset}"
    ${_iconset_commands}
    COMMAND iconutil --convert icns --output "${_icns}" "${_iconset}"
    DEPENDS ${_icon_outputs}
    VERBATIM)
target_sources(syncdeck PRIVATE "${_icns}")
set_source_files_properties("${_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

set_target_properties(syncdeck PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${SYNCDECK_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_NAME "SyncDeck"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "syncdeck.icns"
    MACOSX_BUNDLE_COPYRIGHT "Copyright The SyncDeck Authors, Apache License 2.0")
# The command line tools sit in Contents/MacOS and use the frameworks the deploy step copies.
set_target_properties(syncdeck-cli syncdeck-emulator PROPERTIES
    INSTALL_RPATH "@executable_path/../Frameworks")

# Qt 6.5 replaced FILENAME_VARIABLE with OUTPUT_SCRIPT; Qt 6.3 and 6.4 have only the former.
if(Qt6Core_VERSION VERSION_GREATER_EQUAL 6.5)
    qt_generate_deploy_app_script(TARGET syncdeck OUTPUT_SCRIPT _syncdeck_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${_syncdeck_deploy_script}")
elseif(Qt6Core_VERSION VERSION_GREATER_EQUAL 6.3)
    qt_generate_deploy_app_script(TARGET syncdeck FILENAME_VARIABLE _syncdeck_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${_syncdeck_deploy_script}")
else()
    message(WARNING "Qt ${Qt6Core_VERSION} has no deploy script: the .dmg will lack the Qt "
        "frameworks. Use Qt 6.3 or newer, or run macdeployqt on the bundle.")
endif()

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "SyncDeck-${PROJECT_VERSION}-macos")
set(CPACK_DMG_VOLUME_NAME "SyncDeck")
set(CPACK_DMG_FORMAT UDBZ)
