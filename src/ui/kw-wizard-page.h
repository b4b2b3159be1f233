/* kw-wizard-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-recovery-flow.h"

G_BEGIN_DECLS

#define KW_WIZARD_PAGE_ERROR (kw_wizard_page_error_quark ())

typedef enum
{
  /* A field holds something that cannot be sent; the page shows why next to
   * the field, so the host shows nothing more. */
  KW_WIZARD_PAGE_ERROR_INVALID_INPUT,
} KwWizardPageError;

#define KW_TYPE_WIZARD_PAGE (kw_wizard_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (KwWizardPage, kw_wizard_page, KW, WIZARD_PAGE, AdwBin)

/* One step of the recovery wizard. The host (KwWindow) shows the page's
 * title, enables "Next" while the page is complete and not busy, and on
 * "Next" runs the page's apply step, advancing only when it succeeds.
 *
 * Properties: title, complete, busy, flow (the KwRecoveryFlow the page binds
 * to; the host sets it), next-label (the Next button's label; %NULL hides
 * the button) and can-go-back. */
struct _KwWizardPageClass
{
  AdwBinClass parent_class;

  /* The step's work, e.g. asking the flow to send a code. A page without
   * one completes at once. The cancellable is the host's. */
  void        (*apply_async)       (KwWizardPage         *self,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
  gboolean    (*apply_finish)      (KwWizardPage         *self,
                                    GAsyncResult         *result,
                                    GError              **error);
  /* The page has become the visible one. The default focuses the
   * initial focus widget. */
  void        (*shown)             (KwWizardPage         *self);
  /* The widget that gets the focus when the page is shown, or %NULL to leave
   * it to the host (its Next button). */
  GtkWidget  *(*get_initial_focus) (KwWizardPage         *self);
  /* Forget what the person typed, for a new recovery. */
  void        (*reset)             (KwWizardPage         *self);

  gpointer padding[8];
};

GQuark          kw_wizard_page_error_quark        (void);

const char     *kw_wizard_page_get_title          (KwWizardPage         *self);
void            kw_wizard_page_set_title          (KwWizardPage         *self,
                                                   const char           *title);
gboolean        kw_wizard_page_get_complete       (KwWizardPage         *self);
void            kw_wizard_page_set_complete       (KwWizardPage         *self,
                                                   gboolean              complete);
gboolean        kw_wizard_page_get_busy           (KwWizardPage         *self);
void            kw_wizard_page_set_busy           (KwWizardPage         *self,
                                                   gboolean              busy);
const char     *kw_wizard_page_get_next_label     (KwWizardPage         *self);
void            kw_wizard_page_set_next_label     (KwWizardPage         *self,
                                                   const char           *next_label);
gboolean        kw_wizard_page_get_can_go_back    (KwWizardPage         *self);
void            kw_wizard_page_set_can_go_back    (KwWizardPage         *self,
                                                   gboolean              can_go_back);
KwRecoveryFlow *kw_wizard_page_get_flow           (KwWizardPage         *self);
void            kw_wizard_page_set_flow           (KwWizardPage         *self,
                                                   KwRecoveryFlow       *flow);

void            kw_wizard_page_apply_async        (KwWizardPage         *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        kw_wizard_page_apply_finish       (KwWizardPage         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void            kw_wizard_page_shown              (KwWizardPage         *self);
GtkWidget      *kw_wizard_page_get_initial_focus  (KwWizardPage         *self);
void            kw_wizard_page_reset              (KwWizardPage         *self);

/* For subclasses: marks @row (an AdwPreferencesRow) as holding an invalid
 * value and shows @message in @caption, or clears both when @message is
 * %NULL. The message also becomes the row's accessible description, so a
 * screen reader reads it with the field. */
void            kw_wizard_page_set_field_error    (GtkWidget            *row,
                                                   GtkLabel             *caption,
                                                   const char           *message);

G_END_DECLS
