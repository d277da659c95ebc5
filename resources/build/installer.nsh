; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Windows picks a file's type by its last extension only: "xor.axon.json" is a ".json" file to
; Explorer, so the ".axon.json" association electron-builder registers is never consulted and a
; double-click opens the JSON editor. Offer Axon Studio under "Open with" for .json files too,
; without taking them over: the ProgID is the one electron-builder registers for the
; association (its name in electron-builder.yml), listed beside the .json handlers, not made
; their default. scripts/pack-check.cjs checks the name matches.

!macro customInstall
  WriteRegNone SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "Axon Studio project"
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "Axon Studio project"
!macroend
