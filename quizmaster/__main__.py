from quizmaster.launch import main

main()
