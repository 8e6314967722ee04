from reportlint.cli import main

main()
