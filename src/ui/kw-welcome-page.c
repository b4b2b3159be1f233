/* kw-welcome-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-welcome-page.h"

struct _KwWelcomePage
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkWidget *open_button;
};

G_DEFINE_FINAL_TYPE (KwWelcomePage, kw_welcome_page, ADW_TYPE_BIN)

static gboolean
kw_welcome_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (KW_WELCOME_PAGE (widget)->open_button);
}

static void
kw_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KW_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (kw_welcome_page_parent_class)->dispose (object);
}

static void
kw_welcome_page_class_init (KwWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_welcome_page_dispose;
  widget_class->grab_focus = kw_welcome_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwWelcomePage, open_button);
}

static void
kw_welcome_page_init (KwWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kw_welcome_page_new (void)
{
  return g_object_new (KW_TYPE_WELCOME_PAGE, NULL);
}
