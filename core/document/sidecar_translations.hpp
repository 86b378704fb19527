// SPDX-License-Identifier: MIT
// @brief The translation groups of a folder's metadata rows (sidecar.hpp): cycles refused,
// a translation key shared by each group; internal to core/document.
#pragma once

namespace seisaku::document {

struct Sidecars;

/// Links the translations of `sidecars.by_id`: a translation that makes a cycle of three
/// files or more is dropped, with a problem each; the others make groups whose files share
/// a translation key: a row's own (the first by id), else "~" and the group's first id. A
/// file of a group without a row of its own gets one for its key.
void link_translations(Sidecars& sidecars);

}  // namespace seisaku::document
