from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("home", views.home, name="home"),
    path("your-account", views.your_account, name="your-account"),
]
