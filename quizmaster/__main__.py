from quizmaster.cli import main

main()
