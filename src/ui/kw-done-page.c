/* kw-done-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-done-page.h"

#include <glib/gi18n-lib.h>

struct _KwDonePage
{
  KwWizardPage   parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkWidget     *close_button;
};

G_DEFINE_FINAL_TYPE (KwDonePage, kw_done_page, KW_TYPE_WIZARD_PAGE)

static void
kw_done_page_flow_changed (KwDonePage *self)
{
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (KW_WIZARD_PAGE (self));
  g_autofree char *description = NULL;

  if (flow != NULL)
    /* Translators: the placeholder is the connection's name, such as "Example Corp". */
    description = g_strdup_printf (_("You can now sign in to %s with your new password."),
                                   kw_connection_get_name (kw_recovery_flow_get_connection (flow)));

  adw_status_page_set_description (self->status_page, description);
}

static GtkWidget *
kw_done_page_get_initial_focus (KwWizardPage *page)
{
  return KW_DONE_PAGE (page)->close_button;
}

static void
kw_done_page_dispose (GObject *object)
{
  /* The status page is both a template child and the bin's child: the bin
   * must let go of it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_DONE_PAGE);

  G_OBJECT_CLASS (kw_done_page_parent_class)->dispose (object);
}

static void
kw_done_page_class_init (KwDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwWizardPageClass *page_class = KW_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = kw_done_page_dispose;

  page_class->get_initial_focus = kw_done_page_get_initial_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwDonePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, KwDonePage, close_button);
}

static void
kw_done_page_init (KwDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::flow", G_CALLBACK (kw_done_page_flow_changed), NULL);
}

GtkWidget *
kw_done_page_new (void)
{
  return g_object_new (KW_TYPE_DONE_PAGE, NULL);
}
