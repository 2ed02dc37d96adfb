from offhours.cli import main

main()
